"""A person's name back in the nominative, whatever case its sentence put it in.

The gender and case are chosen jointly: each name word's readings (pymorphy3's name, surname and patronymic
readings with their probabilities; for Kazakh surnames pymorphy3 does not know, their Russian ending) vote for
(gender, case) pairs, the word before the name ("ученика", "участнику") and the cue words of
data/lexicons/names.yaml ("вручается" → dative) add theirs, and the best pair shared by all words wins. Then
each word is put back in the nominative; words pymorphy3 does not know (Kazakh first names: "Бауыржану") follow
that case's Russian ending. A name that reads as nominative stays as printed ("Жұмабекова Аружан" is not a
genitive). Kazakh text puts a case suffix on the last word only ("Аружанға", "Әлинұрды"); Kazakh patronymics
keep their form, initials their capitals (domain.md, "Names").
"""

from __future__ import annotations

import re
from collections import defaultdict

from classifiers.nlp.persons import KZ_PATRONYMIC, morph

_INITIALS = re.compile(r"^(?:\w\.){1,2}$")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# Kazakh case suffixes on a name's last word: dative -ға/-ге/-қа/-ке, accusative -ды/-ді/-ты/-ті/-ны/-ні.
_KZ_CASE_SUFFIX = re.compile(r"^(.{3,}?)(?:ға|ге|қа|ке|ды|ді|ты|ті|ны|ні)$", re.IGNORECASE)
_GENDERS = ("masc", "femn")
NOMINATIVE_PRIOR = 1.5  # certificates mostly print the awardee after "награждается", in the nominative
CONTEXT_WEIGHT = 3.0
# Russian endings of a surname pymorphy3 does not know (Kazakh letters): (ending, nominative, gender, cases).
# "-ова" is a woman's nominative or a man's genitive: both are kept, and the rest of the name decides.
_SURNAME_ENDINGS = [
    (r"(ов|ев|ёв|ин|ын)а$", r"\1а", "femn", {"nomn"}),
    (r"(ов|ев|ёв|ин|ын)ой$", r"\1а", "femn", {"gent", "datv", "ablt", "loct"}),
    (r"(ов|ев|ёв|ин|ын)у$", r"\1а", "femn", {"accs"}),
    (r"(ск|цк)ая$", r"\1ая", "femn", {"nomn"}),
    (r"(ск|цк)ой$", r"\1ая", "femn", {"gent", "datv", "ablt", "loct"}),
    (r"(ск|цк)ую$", r"\1ая", "femn", {"accs"}),
    (r"(ов|ев|ёв|ин|ын)$", r"\1", "masc", {"nomn"}),
    (r"(ов|ев|ёв|ин|ын)у$", r"\1", "masc", {"datv"}),
    (r"(ов|ев|ёв|ин|ын)а$", r"\1", "masc", {"gent", "accs"}),
    (r"(ов|ев|ёв|ин|ын)ым$", r"\1", "masc", {"ablt"}),
    (r"(ов|ев|ёв|ин|ын)е$", r"\1", "masc", {"loct"}),
]
# Russian endings of a foreign (Kazakh) first name: a man's ends in a consonant, a woman's in -а/-я.
_FIRST_NAME_ENDINGS = {
    ("masc", "datv"): r"у$|ю$",
    ("masc", "gent"): r"а$|я$",
    ("masc", "accs"): r"а$|я$",
    ("masc", "ablt"): r"ом$|ем$",
    ("femn", "datv"): r"е$",
    ("femn", "gent"): r"ы$|и$",
    ("femn", "accs"): r"у$|ю$",
    ("femn", "ablt"): r"ой$|ей$",
}
_FEMININE_RESTORE = {"е": "а", "ы": "а", "и": "я", "у": "а", "ю": "я", "ой": "а", "ей": "я"}

Reading = tuple[str, str]  # (gender, case)


def _capitalised(word: str, like: str) -> str:
    return word.upper() if like.isupper() and len(like) > 1 else word.capitalize()


def _fixed(word: str) -> bool:
    """Initials and Kazakh patronymics keep their form in any case."""
    return bool(_INITIALS.match(word) or KZ_PATRONYMIC.search(word))


def _name_parses(word: str) -> list:
    return [
        p for p in morph().parse(word.lower()) if {"Surn", "Name", "Patr"} & p.tag.grammemes and p.tag.number != "plur"
    ]


def _votes(word: str) -> dict[Reading, float]:
    """(gender, case) → weight of the word's readings; empty when nothing can be told from it."""
    votes: dict[Reading, float] = defaultdict(float)
    if _KAZAKH_LETTERS.search(word) or not morph().word_is_known(word.lower()):
        # pymorphy3 would only guess ("Сейткали" as a genitive of "Сейткаля"): read the Russian ending, if any
        for pattern, _, gender, cases in _SURNAME_ENDINGS:
            if re.search(pattern, word.lower()):
                for case in cases:
                    votes[(gender, case)] += 1.0 / len(cases)
        return votes
    for p in _name_parses(word):
        for gender in [p.tag.gender] if p.tag.gender in _GENDERS else _GENDERS:
            votes[(gender, p.tag.case)] += p.score
    return votes


def _indeclinable(word: str) -> bool:
    """A surname read only as a masculine nominative ("Цой", "Ким"): a woman's stays the same in every case."""
    parses = _name_parses(word)
    return bool(parses) and all("Surn" in p.tag.grammemes and p.tag.case == "nomn" for p in parses)


def _choose(words: list[str], context: dict[Reading, float]) -> Reading | None:
    ballots = [v for w in words if not _fixed(w) and (v := _votes(w))]
    if not ballots:
        return None
    shared = set.intersection(*(set(b) for b in ballots))
    if not shared:  # "Цой Виктории": the surname does not decline; the other words tell the case
        ballots = [v for w in words if not _fixed(w) and not _indeclinable(w) and (v := _votes(w))]
        shared = set.intersection(*(set(b) for b in ballots)) if ballots else set()
    if not shared:
        return None
    kazakh_gender = next(
        ("femn" if re.search(r"қызы|кызы", w.lower()) else "masc" for w in words if KZ_PATRONYMIC.search(w)), None
    )

    def score(reading: Reading) -> float:
        total = 1.0
        for ballot in ballots:
            total *= ballot[reading]
        if reading[1] == "nomn":
            total *= NOMINATIVE_PRIOR
        total *= 1.0 + CONTEXT_WEIGHT * context.get(reading, 0.0)
        return total if kazakh_gender in (None, reading[0]) else 0.0

    best = max(sorted(shared), key=score)
    return best if score(best) > 0 else None


def context_readings(before: str, cue_cases: list[str]) -> dict[Reading, float]:
    """(gender, case) readings the words before a name suggest: the word just before it ("ученика", "участнику",
    "педагогу") by pymorphy3, and the cases of cue words (data/lexicons/names.yaml) for both genders."""
    found: dict[Reading, float] = defaultdict(float)
    words = re.findall(r"[А-Яа-яЁё]+", before)
    if words:
        for p in morph().parse(words[-1].lower()):
            if p.tag.POS in ("NOUN", "ADJF") and p.tag.case and p.tag.gender in _GENDERS:
                found[(p.tag.gender, p.tag.case)] = max(found[(p.tag.gender, p.tag.case)], p.score)
    for case in cue_cases:
        for gender in _GENDERS:
            found[(gender, case)] = max(found[(gender, case)], 0.5)
    return found


def _restore(word: str, gender: str, case: str) -> str:
    if _INITIALS.match(word):
        return word.upper()
    if KZ_PATRONYMIC.search(word) or case == "nomn":
        return word
    lower = word.lower()
    if _KAZAKH_LETTERS.search(word) or not morph().word_is_known(lower):
        for pattern, repl, sex, cases in _SURNAME_ENDINGS:
            if sex == gender and case in cases and re.search(pattern, lower):
                return _capitalised(re.sub(pattern, repl, lower), word)
    readings = [p for p in _name_parses(word) if p.tag.case == case and p.tag.gender in (gender, None)]
    if readings:
        best = readings[0]
        target = {"nomn", "sing"} | ({gender} if "Surn" in best.tag.grammemes else set())
        inflected = best.inflect(target) or best.inflect({"nomn"})
        return _capitalised(inflected.word.replace("ё", "е"), word) if inflected is not None else word
    ending = _FIRST_NAME_ENDINGS.get((gender, case))
    if ending and not _name_parses(word) and (m := re.search(ending, lower)) and len(lower) - len(m.group()) >= 3:
        stem = lower[: m.start()]
        return _capitalised(stem + _FEMININE_RESTORE.get(m.group(), "") if gender == "femn" else stem, word)
    return word


def nominative(words: list[str], kazakh_text: bool = False, context: dict[Reading, float] | None = None) -> str:
    """The name in the nominative. `kazakh_text`: it stands in Kazakh prose (a case suffix on its last word);
    `context`: readings suggested by the words before it (context_readings)."""
    words = list(words)
    if kazakh_text:
        # Kazakh prose does not decline names the Russian way: only its own suffix on the last word goes.
        if words and not _fixed(words[-1]) and (m := _KZ_CASE_SUFFIX.match(words[-1])):
            words[-1] = m.group(1)
        return " ".join(w.upper() if _INITIALS.match(w) else w for w in words)
    chosen = _choose(words, context or {})
    if chosen is None or chosen[1] == "nomn":
        return " ".join(w.upper() if _INITIALS.match(w) else w for w in words)
    gender, case = chosen
    return " ".join(_restore(w, gender, case) for w in words)
