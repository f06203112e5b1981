"""`ps_persons`: people's names as spans (doc.spans["persons"]), found by a Matcher over name-like tokens.

A name is 2–3 capitalised name words on one line ("Иванова Мария Петровна", "Серікбаев Алихан"), or a
surname with initials ("Петровой Н.С.", "Қасымова Б.", "А.С. Петрова"). A name word is capitalised, not a
stop word, and not a verb, adjective or other part of speech a name never is (pymorphy3's reading); a Kazakh
patronymic in an oblique case ("Серікқызына") is a name word too.
"""

from __future__ import annotations

import re
from functools import cache

import pymorphy3
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from classifiers.lexicon import load
from classifiers.normalize import fold

KZ_PATRONYMIC = re.compile(r"(?:ұлы|улы|қызы|кызы)$", re.IGNORECASE)
# The ending after -ұлы/-қызы is a Kazakh case suffix ("Серікқызына алғыс білдіреді", "Асанұлының").
KZ_PATRONYMIC_CASE = re.compile(r"((?:ұлы|улы|қызы|кызы))(?:на|ға|ге|ның|нің|н|нан|мен|да|нда)$", re.IGNORECASE)
RU_PATRONYMIC = re.compile(r"(?:вич|вна|чна|ична)\w{0,2}$", re.IGNORECASE)
_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|бек|бекова|баев|баева|бай|ұлы|қызы|енко|ко|ук|юк)"
    r"(?:а|у|ой|ым|ому|ом|е|ы)?$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,2}$")
_LATIN_LOOKALIKE = str.maketrans("AaBCcEeHKkMOoPpTXxyIi", "АаВСсЕеНКкМОоРрТХхуІі")
_WORDLIKE = re.compile(r"^[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)?$")
# Parts of speech a name word never is: "Выдано", "Награждена", "Прошла" open a line in capitals too.
_NOT_NAME_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "PREP", "CONJ", "PRCL", "NPRO", "ADJF", "COMP"}

for _name, _default in (("name_part", False), ("initials", False)):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=_default)
if not Span.has_extension("words"):
    # The name's words as printed, Latin look-alikes made Cyrillic and Kazakh case endings cut.
    Span.set_extension("words", getter=lambda span: [name_word(t.text) for t in span if not t.is_punct])


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load("names")["stop_words"])


def name_word(text: str) -> str:
    if re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", text):
        text = text.translate(_LATIN_LOOKALIKE)
    return KZ_PATRONYMIC_CASE.sub(r"\1", text)


@cache
def is_name_word(word: str) -> bool:
    if len(word) < 3 or not _WORDLIKE.match(word) or fold(word) in _stop_words():
        return False
    if not (word[0].isupper() and (word[1:].islower() or word.isupper())):
        return False
    parses = morph().parse(word.lower())
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses[:4]):
        return True
    return not (parses[0].is_known and parses[0].tag.POS in _NOT_NAME_POS and parses[0].score >= 0.5)


def name_like(words: list[str]) -> bool:
    """Whether capitalised words read as a person's name: a patronymic, a name/surname reading, a surname ending."""
    if any(KZ_PATRONYMIC.search(w) or RU_PATRONYMIC.search(w) for w in words):
        return True
    tags = [p.tag for w in words for p in morph().parse(fold(w))[:3]]
    if any({"Surn", "Name"} & t.grammemes for t in tags):
        return True
    return any(_SURNAME.search(w) for w in words)


_NAME = {"_": {"name_part": True}}
_INITIAL = {"_": {"initials": True}}
PATTERNS = {
    "FULL": [[_NAME, _NAME, {**_NAME, "OP": "?"}]],
    "SURNAME_INITIALS": [[_NAME, _INITIAL, {**_INITIAL, "OP": "?"}]],
    "INITIALS_SURNAME": [[_INITIAL, {**_INITIAL, "OP": "?"}, _NAME]],
}


@Language.factory("ps_persons")
def make_persons(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder(nlp)


class PersonFinder:
    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        for label, patterns in PATTERNS.items():
            self.matcher.add(label, patterns, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token._.name_part = is_name_word(name_word(token.text))
            token._.initials = bool(_INITIALS.match(token.text.translate(_LATIN_LOOKALIKE)))
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=match_id)
            words = [name_word(t.text) for t in span if t._.name_part]
            # Initials make a name of any capitalised word ("Петровой Н.С."); whole words must read as one.
            if span.label_ == "FULL" and not name_like(words):
                continue
            spans.append(span)
        doc.spans["persons"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc
