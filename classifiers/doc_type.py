"""Document type from the title (domain.md, "What the documents look like")."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from classifiers.lexicon import any_match, load
from extractors.fields.hours import course_hours
from models import DocType

TITLE_LINES = 14
# Title words OCR often breaks ("ДИПЛ0М", "СЕРТИФИКАT"): matched fuzzily as whole words.
_FUZZY_TITLES = {
    "диплом": DocType.diploma,
    "сертификат": DocType.certificate,
    "грамота": DocType.honor_certificate,
    "мадактама": DocType.honor_certificate,
    "приказ": DocType.order,
    "буйрык": DocType.order,
    "выписка": DocType.protocol_extract,
    "благодарственное": DocType.gratitude_letter,
}


# Titles are often letter-spaced for show ("С Е Р Т И Ф И К А Т"): four or more single letters are one word.
_SPACED = re.compile(r"(?<!\w)\w(?:[ \t]\w){3,}(?!\w)")


# Scanner debris before a title ("| АЛҒЫС", "Ж ДИПЛОМ" from a letterhead's emblem) is not part of it.
_DEBRIS = re.compile(r"^(?:[^\w«]+|\w\s+(?=\w{4,}))")


def _title_line(line: str) -> str:
    return _SPACED.sub(lambda m: re.sub(r"\s", "", m.group(0)), _DEBRIS.sub("", line.strip()))


def title_area(folded_page: str) -> str:
    lines = [line for line in folded_page.splitlines() if line.strip()]
    return "\n".join(_title_line(line) for line in lines[:TITLE_LINES])


def title_end(folded: str) -> int | None:
    """Where the title's line ends in the folded text: what stands above it is the issuer's header."""
    rules: dict[str, list[str]] = load("doc_types")
    titles = [p for name in _TITLE_ORDER for p in rules[name]] + rules["other_titles"]
    offset, seen = 0, 0
    for line in folded.splitlines(keepends=True):
        if line.strip():
            seen += 1
            if any_match(titles, _title_line(line)):
                return offset + len(line.rstrip("\n"))
            if seen >= TITLE_LINES:
                break
        offset += len(line)
    return None


# The title printed first wins: "ПОЧЁТНАЯ ГРАМОТА … Приказ № 45-н" is a грамота that cites its order.
_TITLE_ORDER = ("order", "protocol_extract", "gratitude_letter", "diploma", "honor_certificate", "certificate")


# Two-word titles whose first word is too short to be told through a misread letter alone ("АЛЕЫС ХАТ" for "АЛҒЫС
# ХАТ", held-out P202-06: the letter was taken for the previous document's second page): the line as a whole.
# A space OCR put inside a word is one letter of the line's ("КУРМЕТ ГРАМ ОТАСЫ", fresh seed 84213).
_FUZZY_PHRASES = {
    "алгыс хат": DocType.gratitude_letter,
    "почетная грамота": DocType.honor_certificate,
    "курмет грамотасы": DocType.honor_certificate,
}


def _fuzzy_title(line: str) -> DocType | None:
    words = " ".join(line.split())
    for phrase, kind in _FUZZY_PHRASES.items():
        if len(words) <= len(phrase) + 2 and fuzz.ratio(words, phrase) >= 85:
            return kind
    for word in line.split():
        # One letter misread in six ("ДИНЛОМ", "СІРІПФИКАТ") still names the title; shorter words need more.
        cutoff = 80 if len(word) >= 6 else 84
        found = process.extractOne(word, list(_FUZZY_TITLES), scorer=fuzz.ratio, score_cutoff=cutoff)
        if found and len(word) >= 5:
            return _FUZZY_TITLES[found[0]]
    return None


def title_type(folded_page: str) -> DocType | None:
    """The type a page's own title announces, or None for a continuation page.

    The title printed first wins, whether read exactly or through a misread letter: "ИПЛОМ … Бұйрық № 78" is a
    diploma citing its order, "ПОЧЁТНАЯ ГРАМОТА … Приказ № 45-н" a грамота."""
    rules: dict[str, list[str]] = load("doc_types")
    lines = title_area(folded_page).splitlines()
    awarded = re.compile(rules["award_wording"])  # type: ignore[arg-type]
    kinds = list(enumerate(_TITLE_ORDER))
    for i in range(len(lines)):
        if awarded.search(lines[i]):
            # Below the award wording an order or protocol is the award's basis, not a title.
            kinds = [(rank, name) for rank, name in kinds if name not in ("order", "protocol_extract")]
        # Titles set over several lines ("ВЫПИСКА\nиз протокола", "ҮЗІНДІ\n…\n…хаттамасынан") are read with
        # the lines below.
        pair = "\n".join(lines[i : i + 3])
        found = [(m.start(), rank, name) for rank, name in kinds if (m := any_match(rules[name], pair))]
        exact = [f for f in found if f[0] <= len(lines[i])]
        if exact:
            return DocType(min(exact)[2])
        fuzzy = _fuzzy_title(lines[i])
        if fuzzy is not None and fuzzy.value in {name for _, name in kinds}:
            return fuzzy
    return None


def classify_doc_type(folded: str) -> tuple[DocType, float]:
    rules: dict[str, list[str]] = load("doc_types")
    head = title_area(folded)
    titled = title_type(folded)
    if titled in (DocType.order, DocType.protocol_extract):
        return titled, 0.95
    # A course certificate is titled СЕРТИФИКАТ/СВИДЕТЕЛЬСТВО: the course wording decides.
    if titled in (None, DocType.certificate, DocType.diploma, DocType.other):
        if any_match(rules["course_certificate"], folded):
            return DocType.course_certificate, 0.9
        if course_hours(folded) and any_match(rules["course_with_hours"], folded):
            return DocType.course_certificate, 0.8
    if titled is not None:
        return titled, 0.9
    if any_match(rules["order_without_title"], folded):
        return DocType.order, 0.7
    if any_match(rules["diploma_without_title"], folded):
        return DocType.diploma, 0.75
    if any_match(rules["publication"], folded):
        return DocType.publication, 0.6
    for name in ("gratitude_letter", "diploma", "honor_certificate", "certificate"):
        if any_match(rules[name], folded):
            return DocType(name), 0.6
    return DocType.other, 0.3 if head else 0.0


def other_title(folded_page: str) -> bool:
    """A title the types above do not name ("УДОСТОВЕРЕНИЕ", "СПРАВКА") in the page's title area."""
    titles = load("doc_types")["other_titles"]
    return any(any_match(titles, line) for line in title_area(folded_page).splitlines())


def publication_head(folded_head: str) -> bool:
    """The head of an article or a collection: a journal's name, ISSN/ISBN/УДК/ББК."""
    return bool(any_match(load("doc_types")["publication"], folded_head))
