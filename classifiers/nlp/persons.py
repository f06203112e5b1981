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
# Kazakh text declines a Russian patronymic with Kazakh endings: "Николаевичке", "Викторовнаға", "Ивановнаның".
RU_PATRONYMIC_KZ_CASE = re.compile(
    r"((?:вич|вна|чна|ична))(?:ке|ге|ка|га|қа|ға|тің|тың|тен|тан|ті|ты|ні|ны|нің|ның|на|не|мен|пен)$", re.IGNORECASE
)
# Kazakh case and possessive endings that names do not carry ("ОБЛЫСЫНЫҢ", "БАСҚАРМАСЫ", "АТЫНДАҒЫ", "ҰЛТТЫҚ"):
# a capitalised header word with one of them is an organisation's or a place's, not a person's.
# (Not the bare ablative -дан/-тан: "Нұрсұлтан", "Айдан" are names.)
# (Nor the accusative -ды/-ны: "оқушысы Сәрсенбай Інжуны дайындағаны үшін" names the student.)
_KZ_NON_NAME = re.compile(
    r"(?:ның|нің|дың|дің|тың|тің|ың|ің|ғы|гі|лық|лік|дық|дік|тық|тік|сы|сі|дағы|дегі|тағы|тегі|ынан|інен"
    # accusative of a possessive ("САУАТТЫЛЫҒЫН"), verbal nouns ("ДАМЫТУ", "ҚАЛЫПТАСТЫРУ") of article titles
    r"|ығын|ігін|ыту|іту|тыру|тіру"
    # a possessive's locative ("САБАҒЫНДА") and a plural with a case ending ("ОҚУШЫЛАРДЫҢ", OCR's "ОКУШЫЛАРДЫН")
    # of an article title: no name ends so (a bare "Гүлдер" is a name, so the plural needs its case ending)
    r"|ында|інде|(?:лар|лер|дар|дер|тар|тер)(?:дың|дің|дын|дін|ға|ге|да|де|ды|ді|ын|ін|ы|і))$"
)
RU_PATRONYMIC = re.compile(r"(?:вич(?:а|у|ем|е)?|(?:вн|чн)(?:а|ы|е|у|ой|ою))$", re.IGNORECASE)
_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|бек|бекова|баев|баева|бай|ұлы|қызы|енко|ко|ук|юк)"
    r"(?:а|у|ой|ым|ому|ом|е|ы)?$",
    re.IGNORECASE,
)
_VOWELS = re.compile(r"[АЕЁИОУЫЭЮЯӘӨҰҮІ]")
# "С.Б." — and "С.Б" when a doubled period ("С.Б..") made the tokenizer split both periods off.
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,2}$|^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]$")
# "ГС." when OCR lost the middle period: the tokenizer splits it into "ГС" and "." (initials only beside a name
# word: PATTERNS).
_JOINED_INITIALS = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]{2}$")
_LATIN_LOOKALIKE = str.maketrans("AaBCcEeHKkMOoPpTXxyIi", "АаВСсЕеНКкМОоРрТХхуІі")
_WORDLIKE = re.compile(r"^[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)?$")
# Parts of speech a name word never is: "Выдано", "Награждена", "Прошла" open a line in capitals too.
_NOT_NAME_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "PREP", "CONJ", "PRCL", "NPRO", "ADJF", "COMP"}

for _name, _default in (("name_part", False), ("initials", False), ("patronymic", False)):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=_default)
if not Span.has_extension("words"):
    # The name's words as printed, Latin look-alikes made Cyrillic and Kazakh case endings cut.
    Span.set_extension("words", getter=lambda span: [name_word(t.text) for t in span if not (t.is_punct or t.is_space)])


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load("names")["stop_words"])


def name_word(text: str) -> str:
    if re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", text):
        text = text.translate(_LATIN_LOOKALIKE)
    if _JOINED_INITIALS.match(text):
        text = f"{text[0]}.{text[1]}."
    if _INITIALS.match(text):
        text = text.replace("Ь", "Б").replace("Ъ", "Б")  # no name starts with a hard or soft sign: OCR's Б
        text = text if text.endswith(".") else text + "."
    return RU_PATRONYMIC_KZ_CASE.sub(r"\1", KZ_PATRONYMIC_CASE.sub(r"\1", text))


def is_patronymic(word: str) -> bool:
    return bool(KZ_PATRONYMIC.search(word) or RU_PATRONYMIC.search(word))


@cache
def is_name_word(word: str) -> bool:
    if len(word) < 3 or not _WORDLIKE.match(word) or fold(word) in _stop_words():
        return False
    if not (word[0].isupper() and (word[1:].islower() or word.isupper())):
        return False
    if word.isupper() and (len(word) < 4 or len(_VOWELS.findall(word)) < 2):
        return False  # "ОҚУ", "НАО", "ДББҰ": words in capitals with fewer than two vowels are abbreviations
    if _KZ_NON_NAME.search(word.lower()) and not is_patronymic(word):
        return False
    parses = morph().parse(word.lower())
    # A name reading anywhere among the likely ones: "Жуковской" reads as an adjective four times before its
    # surname readings.
    named = [p for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes]
    if any(p in parses[:4] or p.score >= 0.1 for p in named):
        return True
    # Readings split their score over cases ("казахстанской": four ADJF readings of 0.25): sum them by part of speech.
    not_name = sum(p.score for p in parses if p.tag.POS in _NOT_NAME_POS)
    return not (parses[0].is_known and not_name >= 0.5)


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
_LINE_BREAK = {"IS_SPACE": True, "OP": "?"}
PATTERNS = {
    # A big-print name wraps before its patronymic: "Волков Андрей\nНиколаевичке".
    "FULL": [[_NAME, _NAME, {**_NAME, "OP": "?"}], [_NAME, _NAME, _LINE_BREAK, {"_": {"patronymic": True}}]],
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
            word = name_word(token.text)
            token._.name_part = is_name_word(word)
            token._.patronymic = token._.name_part and is_patronymic(word)
            shape = token.text.translate(_LATIN_LOOKALIKE)
            joined = _JOINED_INITIALS.match(shape) and token.i + 1 < len(doc) and doc[token.i + 1].text == "."
            token._.initials = bool(_INITIALS.match(shape) or joined)
        places = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        spans = []
        for match_id, start, end in self.matcher(doc):
            if end - start == 3 and end < len(doc) and doc[end]._.patronymic:
                start, end = start + 1, end + 1  # "Справка дана Омарову Бауыржану Серікұлы": the name ends in it
            span = Span(doc, start, end, label=match_id)
            if places.intersection(range(start, end)) or _named_after(doc, span) or _not_a_person(doc, span):
                continue
            words = [name_word(t.text) for t in span if t._.name_part]
            # Initials make a name of any capitalised word ("Петровой Н.С."); whole words must read as one.
            if span.label_ == "FULL" and not name_like(words):
                continue
            spans.append(span)
        # Initials mark a name for sure: "Справка дана Тоқтаровой С.Б." is "Тоқтаровой С.Б.", not "Дана Тоқтаровой".
        with_initials = [s for s in spans if s.label_ != "FULL"]
        spans = with_initials + [s for s in spans if not any(_overlap(s, t) for t in with_initials)]
        doc.spans["persons"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _not_a_person(doc: Doc, span: Span) -> bool:
    """Capitalised words followed by an event or an organisation word ("Кіші Балқан математикалық олимпиадасы")."""
    after = doc._.folded[span.end_char : span.end_char + 40]
    return any(re.search(p, after) for p in load("names")["not_person_after"])


_NAMED_AFTER_BEFORE = re.compile(r"(?:имени|им\.|академика|профессора)\s*$")
_NAMED_AFTER_AFTER = re.compile(r"^\s*(?:атында|атынд)")


def _named_after(doc: Doc, span: Span) -> bool:
    """A name an institution or event is named after ("университет имени Е.А. Букетова", "Ы. Алтынсарин атындағы")."""
    before = doc._.folded[max(0, span.start_char - 12) : span.start_char]
    after = doc._.folded[span.end_char : span.end_char + 12]
    return bool(_NAMED_AFTER_BEFORE.search(before) or _NAMED_AFTER_AFTER.search(after))
