"""Is this the applicant? Names compared after folding case, inflection, initials, patronymics, transliteration.

domain.md, "Names": Russian names inflect ("вручается Ивановой Марии"), Kazakh names end in -ұлы/-қызы and are
often printed in Russian form ("Сейткалиевой Айгерим") or in Latin on international certificates.
"""

from __future__ import annotations

import re
from functools import cache

import pymorphy3
from rapidfuzz import fuzz

from classifiers.normalize import fold

_TRANSLIT = [
    ("shch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("q", "к"),
    ("h", "х"),
    ("c", "к"),
    ("w", "у"),
    ("x", "кс"),
    ("j", "ж"),
]


def _cyrillic(word: str) -> str:
    if re.search(r"[a-z]", word) and not re.search(r"[а-я]", word):
        for latin, cyr in _TRANSLIT:
            word = word.replace(latin, cyr)
    return word


def tokens(name: str) -> list[str]:
    # й/и and ы/и differ between transliterations and Kazakh/Russian spellings of one name; OCR reads Kazakh
    # "Ә" as "Э" (sample P007-03: "Эбенова" for "Әбенова"), and fold() turns "ә" into "а".
    folded = fold(name).replace("ы", "и").replace("э", "а")
    return [_cyrillic(t).replace("й", "и") for t in re.findall(r"[a-zа-я]+", folded)]


def _stem(word: str) -> str:
    # Russian case endings change at most the last 2–3 letters of a surname or first name.
    return word[: max(3, len(word) - 3)] if len(word) > 5 else word[: max(3, len(word) - 1)]


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@cache
def _lemmas(word: str) -> frozenset[str]:
    """Nominative forms of a Russian name word ("ивановой" → "иванов"); the word itself for others."""
    if len(word) < 3:
        return frozenset({word})
    return frozenset({p.normal_form.replace("ё", "е") for p in _morph().parse(word)[:4]} | {word})


# Capital letters OCR takes for one another (folded, lower case): an initial read as its look-alike is the same
# initial ("Жұмабаев Г.К." for "Е.Қ."; "Ахметова Л.Г." for "Д.Е.": a serif Д loses its feet).
_LOOK_ALIKE_INITIALS = ("ег", "ипн", "шщц", "дл")


def _same_initial(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _LOOK_ALIKE_INITIALS)


def same_word(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return _same_initial(a[0], b[0])
    if _lemmas(a) & _lemmas(b):
        return True
    sa, sb = _stem(a), _stem(b)
    # "Сейткали" / "Сейткалиевой": one stem prefixes the other when Russian adds a suffix to a Kazakh name.
    prefix = len(min(sa, sb, key=len)) >= 4 and (sa.startswith(sb) or sb.startswith(sa))
    # OCR misreads a letter or two of a whole word ("Әбепова Гүлпар" for "Әбенова Гүлнар"; "Ләүлет" for "Дәулет").
    ocr_variant = min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80
    return sa == sb or prefix or ocr_variant or fuzz.ratio(sa, sb) >= 80


def _surname_hits(surname: str, words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words) if len(w) > 1 and same_word(surname, w)]


def same_person(applicant: str, printed: str) -> bool:
    """The printed name (maybe "Иванова М.П.", "Ивановой Марии", "IVANOVA MARIA") names the applicant."""
    app, doc = tokens(applicant), tokens(printed)
    if not app or not doc:
        return True  # nothing to compare: not a mismatch
    surname_hits = [w for w in doc if len(w) > 1 and same_word(app[0], w)]
    if not surname_hits:
        # Addressed by first name and patronymic, as letters address a person ("Құрметті Ұлжан Төлегенқызы!",
        # "Уважаемая Мария Петровна"): the applicant with the surname left out, not another person.
        return (
            len(app) == 3
            and len(doc) == 2
            and all(len(w) > 1 for w in doc)
            and same_word(app[1], doc[0])
            and same_word(app[2], doc[1])
        )
    rest_app, rest_doc = app[1:], [w for w in doc if w not in surname_hits]
    if not rest_app or not rest_doc:
        return True
    return same_word(rest_app[0], rest_doc[0])


def named_in_text(applicant: str, text: str) -> bool:
    """The applicant's surname stands in the text next to their first name or its initial.

    The surname match is loose (case forms, OCR), so a lone letter beside it must be the initial itself, not a
    look-alike: "Директор филиала Б. Жумабеков" above a stray "г" is not "Жұмабаев Ерлан" (seed 915 P915-24).
    """
    app, words = tokens(applicant), tokens(text)
    if len(app) < 2:
        return bool(app) and bool(_surname_hits(app[0], words))
    for i in _surname_hits(app[0], words):
        near = words[max(0, i - 3) : i] + words[i + 1 : i + 4]
        if any(w == app[1][0] if len(w) == 1 else len(w) > 2 and same_word(app[1], w) for w in near):
            return True
    return False


def name_words(name: str, words: list[str]) -> list[int]:
    """Indexes of `words` (raw page words) that spell the name, in any case form, as initials or transliterated."""
    parts = tokens(name)
    found = []
    for i, word in enumerate(words):
        folded = tokens(word)
        if folded and any(len(folded[0]) > 1 and len(p) > 1 and same_word(p, folded[0]) for p in parts):
            found.append(i)
    return found
