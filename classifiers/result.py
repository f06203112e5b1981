"""Result and place: I/II/III степени, 1/2/3 место, дәрежелі, орын, победитель, призёр, жеңімпаз, Гран-при…"""

from __future__ import annotations

from classifiers.lexicon import any_match, compiled, load
from models import DocType, Result

NOT_RESULTS = {DocType.course_certificate, DocType.protocol_extract, DocType.order, DocType.publication}
# OCR forms of the place numerals (folded text): Cyrillic OCR reads III as "Ш" or "ПІ", II as "П".
_NUMERALS = {
    **dict.fromkeys(["iii", "иии", "пи", "ш", "ııı", "111", "lll", "3", "трет", "ушинши"], 3),
    **dict.fromkeys(["ii", "ии", "п", "ıı", "11", "ll", "2", "втор", "екинши"], 2),
    **dict.fromkeys(["i", "и", "ı", "l", "|", "1", "перв", "биринши"], 1),
}


def place_of(folded: str) -> int | None:
    rules = load("results")
    for pattern in rules["place_patterns"]:
        for match in compiled(pattern).finditer(folded):
            number = _NUMERALS.get(match.group("n"))
            if number:
                return number
    return None


def classify_result(folded: str, doc_type: DocType, contest: bool = True) -> tuple[Result | None, int | None, float]:
    """(result, place, confidence); `contest` is whether the document evidences a contest or olympiad."""
    if doc_type in NOT_RESULTS:
        return None, None, 0.9
    rules = load("results")
    if any_match(rules["grand_prix"], folded):
        return Result.winner, None, 0.9
    place = place_of(folded)
    if place is not None:
        return (Result.winner if place == 1 else Result.prize), place, 0.9
    if any_match(rules["prize"], folded):
        return Result.prize, None, 0.75
    if any_match(rules["winner"], folded):
        return Result.winner, None, 0.75
    # Participation is a result only of a contest: a speaker's or a jury member's certificate has none (contract).
    if contest and (any_match(rules["participant"], folded) or doc_type is DocType.certificate):
        return Result.participant, None, 0.7
    return None, None, 0.4
