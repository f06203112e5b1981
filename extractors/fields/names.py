"""People's names on a document: tell the awardee from the supervisor, and restore the nominative case.

Names are found by the NLP layer (`ps_persons`, classifiers/nlp/persons.py); roles come from the cue words
around them (data/lexicons/names.yaml). Russian names inflect ("вручается Ивановой Марии Петровне" → "Иванова
Мария Петровна": pymorphy3 given the reading and gender); Kazakh patronymics end in -ұлы/-қызы (domain.md, "Names").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from classifiers.lexicon import compiled, load
from classifiers.nlp import analyse
from classifiers.nlp.persons import KZ_PATRONYMIC as _KZ_PATRONYMIC
from classifiers.nlp.persons import morph as _morph
from classifiers.people import same_person


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


# Russian case endings of a surname, by gender, back to the nominative: "Әбеновой" → "Әбенова", "Серікбаеву" →
# "Серікбаев". For surnames pymorphy3 does not know (Kazakh letters), where only the ending can be read.
_SURNAME_CASES = {
    "femn": [(re.compile(r"(ов|ев|ёв|ин|ын)(?:ой|ою|у)$"), r"\1а"), (re.compile(r"(ск|цк)(?:ой|ую)$"), r"\1ая")],
    "masc": [
        (re.compile(r"(ов|ев|ёв|ин|ын)(?:а|у|ым|е)$"), r"\1"),
        (re.compile(r"(ск|цк)(?:ого|ому|им|ом)$"), r"\1ий"),
    ],
}


def _surname_nominative(word: str, gender: str | None) -> str:
    for pattern, repl in _SURNAME_CASES.get(gender or "", []):
        if pattern.search(word.lower()):
            restored = pattern.sub(repl, word.lower())
            return restored.capitalize() if word[0].isupper() else restored
    return word


def nominative(words: list[str]) -> str:
    gender = _gender(words)
    if any(_KZ_PATRONYMIC.search(w) for w in words):
        # A Kazakh name keeps its form, but Russian text may decline the surname: "Выдано Әбеновой Гүлнар Маратқызы".
        return " ".join([_surname_nominative(words[0], gender), *words[1:]])
    return " ".join(_nominative_word(w, gender).capitalize() for w in words)


def _as_printed(words: list[str]) -> str:
    return nominative(words) if any(_KZ_PATRONYMIC.search(w) for w in words) else " ".join(words)


def _near_cue(folded: str, span: Span, patterns: list[str], before: bool, reach: int) -> bool:
    start, end = span.start_char, span.end_char
    window = folded[max(0, start - reach) : start] if before else folded[end : end + reach]
    return any(compiled(p).search(window) for p in patterns)


def _role_before(folded: str, span: Span, patterns: list[str], reach: int, tail: str = r"[^\n]{0,30}$") -> bool:
    """A role cue just before the name on its own line, or closing the line above when the name opens its line.

    A role word two lines up belongs to other wording ("конкурс «Лучший педагог»" above "вручается …").
    """
    line_start = folded.rfind("\n", 0, span.start_char) + 1
    window = folded[line_start : span.start_char]
    if not window.strip():
        above = folded[: max(0, line_start - 1)]
        window = above[above.rfind("\n") + 1 :]
    window = window[-reach:]
    return any(compiled(rf"(?:{p}){tail}").search(window) for p in patterns)


def people(doc: Doc, after: int = 0) -> tuple[Span | None, Span | None, bool]:
    """(awardee span, supervisor span, whether the awardee stood by an awardee cue).

    Without a cue the awardee is the first name below `after` (the title line): names above it are the header's.
    """
    folded = doc._.folded
    cues = load("names")
    # Signatories ("Директор ______ Ж. Сейтова", "Руководитель управления Б. Сейтказин") are nobody's awardee.
    spans = [s for s in doc.spans.get("persons", []) if not _role_before(folded, s, cues["signatory_before"], 90, "$")]
    supervisor = next(
        (
            s
            for s in spans
            if _role_before(folded, s, cues["supervisor_before"], 45)
            or _role_before(folded, s, cues["supervisor_label"], 45, r"\s*[:–—-]\s*$")
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
    if awardee is not None:
        return awardee, supervisor, True
    below = [s for s in rest if s.start_char >= after]
    return (below or rest or [None])[0], supervisor, False


def awardee_and_supervisor(
    text: str | Doc, inflected: bool | None = None, after: int = 0, applicant: str | None = None
) -> tuple[str | None, str | None, float]:
    """(awardee, supervisor, confidence) — names in the nominative.

    Kazakh text keeps names as printed, but for a Russian-declined surname before a Kazakh patronymic: Kazakh
    names do not decline like Russian ones, and pymorphy3's Russian guesses would damage them ("Жұмабекова" is
    not a genitive). `applicant` is given for documents that list several people (an order, a protocol): without
    an awardee cue, the applicant, when among them, is the one the portfolio's document is about.
    """
    doc = text if isinstance(text, Doc) else analyse(text)
    if inflected is None:
        inflected = doc._.language != "kk"
    awardee, supervisor, cued = people(doc, after)
    restore = nominative if inflected else _as_printed
    if applicant and not cued:
        taken = (supervisor.start, supervisor.end) if supervisor is not None else None
        spans = doc.spans.get("persons", [])  # new Span objects on each access: compare by position
        named = [s for s in spans if (s.start, s.end) != taken and same_person(applicant, restore(s._.words))]
        if named:
            awardee, cued = named[0], True
    if awardee is None and supervisor is None:
        return None, None, 0.0
    return (
        restore(awardee._.words) if awardee is not None else None,
        restore(supervisor._.words) if supervisor is not None else None,
        (0.85 if cued else 0.5) if awardee is not None else 0.3,
    )
