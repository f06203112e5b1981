"""People's names: find them, tell the awardee from the supervisor, and restore the nominative case.

Russian names inflect ("вручается Ивановой Марии Петровне" → "Иванова Мария Петровна": pymorphy3 given the
reading and gender); Kazakh patronymics end in -ұлы/-қызы (domain.md, "Names").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pymorphy3

from classifiers.lexicon import compiled, load
from classifiers.normalize import fold

_TOKEN = re.compile(r"[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)?")
_KZ_PATRONYMIC = re.compile(r"(?:ұлы|улы|қызы|кызы)$", re.IGNORECASE)
# A Kazakh patronymic in an oblique case ("Серікқызына алғыс білдіреді", "Асанұлының"): the ending after
# -ұлы/-қызы is the case suffix, cut to restore the nominative.
_KZ_PATRONYMIC_CASE = re.compile(r"((?:ұлы|улы|қызы|кызы))(?:на|ға|ге|ның|нің|н|нан|мен|ға|да|нда)$", re.IGNORECASE)
_RU_PATRONYMIC = re.compile(r"(?:вич|вна|чна|ична)\w{0,2}$", re.IGNORECASE)
_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|бек|бекова|баев|баева|бай|ұлы|қызы|енко|ко|ук|юк)"
    r"(?:а|у|ой|ым|ому|ом|е|ы)?$",
    re.IGNORECASE,
)
_LATIN_LOOKALIKE = str.maketrans("AaBCcEeHKkMOoPpTXxyIi", "АаВСсЕеНКкМОоРрТХхуІі")


@dataclass
class NameSpan:
    start: int
    end: int
    words: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load("names")["stop_words"])


# Parts of speech a name word never is: "Выдано", "Награждена", "Прошла" open a line in capitals too.
_NOT_NAME_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "PREP", "CONJ", "PRCL", "NPRO", "ADJF", "COMP"}


def _is_name_word(word: str) -> bool:
    if len(word) < 3 or fold(word) in _stop_words():
        return False
    if not (word[0].isupper() and (word[1:].islower() or word.isupper())):
        return False
    parses = _morph().parse(word.lower())
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses[:4]):
        return True
    return not (parses[0].is_known and parses[0].tag.POS in _NOT_NAME_POS and parses[0].score >= 0.5)


def _name_like(words: list[str]) -> bool:
    if any(_KZ_PATRONYMIC.search(w) or _RU_PATRONYMIC.search(w) for w in words):
        return True
    tags = [p.tag for w in words for p in _morph().parse(fold(w))[:3]]
    if sum(1 for t in tags if {"Surn"} & t.grammemes or {"Name"} & t.grammemes) >= 1:
        return True
    return any(_SURNAME.search(w) for w in words)


def find_names(text: str) -> list[NameSpan]:
    """Runs of 2–3 capitalised words that read as a person's name, in text order."""
    spans: list[NameSpan] = []
    run: list[re.Match[str]] = []
    for match in [*_TOKEN.finditer(text), None]:
        word = match.group(0).translate(_LATIN_LOOKALIKE) if match else ""
        gap_ok = bool(run) and match is not None and text[run[-1].end() : match.start()].strip(" \t,") == ""
        if match and _is_name_word(word) and (not run or gap_ok) and len(run) < 3:
            run.append(match)
            continue
        if len(run) >= 2:
            words = [_KZ_PATRONYMIC_CASE.sub(r"\1", m.group(0).translate(_LATIN_LOOKALIKE)) for m in run]
            if _name_like(words):
                spans.append(NameSpan(run[0].start(), run[-1].end(), words))
        run = [match] if match and _is_name_word(word) else []
    return spans


def _gender(words: list[str]) -> str | None:
    for w in words:
        lw = w.lower()
        if lw.endswith(("вна", "вны", "вне", "вной", "чна", "чны", "чне", "қызы", "кызы")):
            return "femn"
        if lw.endswith(("вич", "вича", "вичу", "вичем", "ұлы", "улы")):
            return "masc"
    # A first-name reading already in the nominative decides ("Дана" is a woman's name, not "Дан" in the
    # genitive); only without one do oblique readings ("Марии", "Ивановой") tell the gender.
    readings = [p for w in words for p in _morph().parse(w.lower())[:4] if "Name" in p.tag.grammemes and p.tag.gender]
    for p in sorted(readings, key=lambda p: p.tag.case != "nomn"):
        return p.tag.gender
    return None


def _nominative_word(word: str, gender: str | None) -> str:
    if _KZ_PATRONYMIC.search(word):
        return word
    candidates = [
        p
        for p in _morph().parse(word.lower())
        if {"Surn", "Name", "Patr"} & p.tag.grammemes
        and not (gender and p.tag.gender and p.tag.gender != gender)
        and p.tag.number != "plur"
    ]
    # A reading in the nominative already ("Омаров") wins over a rarer inflected one (genitive plural of "Омар").
    if not candidates or any(p.tag.case == "nomn" for p in candidates):
        return word
    best = candidates[0]
    target = {"nomn", "sing"} | ({gender} if gender and "Surn" in best.tag.grammemes else set())
    inflected = best.inflect(target) or best.inflect({"nomn"})
    if inflected is None:
        return word
    return inflected.word.replace("ё", "е").capitalize() if word[0].isupper() else inflected.word


def nominative(words: list[str]) -> str:
    if any(_KZ_PATRONYMIC.search(w) for w in words):
        return " ".join(words)  # a Kazakh name with its patronymic is printed undeclined in Russian text too
    gender = _gender(words)
    return " ".join(_nominative_word(w, gender).capitalize() for w in words)


def _near_cue(folded: str, span: NameSpan, patterns: list[str], before: bool, reach: int) -> bool:
    window = folded[max(0, span.start - reach) : span.start] if before else folded[span.end : span.end + reach]
    return any(compiled(p).search(window) for p in patterns)


def _role_before(folded: str, span: NameSpan, patterns: list[str], reach: int) -> bool:
    """A role cue on the name's own line, or closing the line above when the name opens its line.

    A role word two lines up belongs to other wording ("конкурс «Лучший педагог»" above "вручается …").
    """
    line_start = folded.rfind("\n", 0, span.start) + 1
    window = folded[line_start : span.start]
    if not window.strip():
        above = folded[: max(0, line_start - 1)]
        window = above[above.rfind("\n") + 1 :]
    window = window[-reach:]
    # The cue must stand just before the name ("Руководитель: Ким Е.В."), not anywhere on the line.
    return any(compiled(rf"(?:{p})[^\n]{{0,30}}$").search(window) for p in patterns)


def awardee_and_supervisor(text: str, inflected: bool = True) -> tuple[str | None, str | None, float]:
    """(awardee, supervisor, confidence) — names in the nominative.

    `inflected` is False for Kazakh text: Kazakh names keep their form there, and pymorphy3's Russian guesses
    would damage them ("Жұмабекова" is not a genitive).
    """
    restore = nominative if inflected else (lambda words: " ".join(words))
    spans = find_names(text)
    if not spans:
        return None, None, 0.0
    folded = fold(text)
    cues = load("names")
    supervisor = next(
        (
            s
            for s in spans
            if _role_before(folded, s, cues["supervisor_before"], 45)
            or _near_cue(folded, s, cues["supervisor_after"], False, 40)
        ),
        None,
    )
    rest = [s for s in spans if s is not supervisor]
    awardee = next(
        (
            s
            for s in rest
            if _near_cue(folded, s, cues["awardee_before"], True, 70)
            or _near_cue(folded, s, cues["awardee_after"], False, 90)
        ),
        None,
    )
    confidence = 0.85 if awardee else 0.5
    awardee = awardee or (rest[0] if rest else None)
    return (
        restore(awardee.words) if awardee else None,
        restore(supervisor.words) if supervisor else None,
        confidence if awardee else 0.3,
    )
