"""Is this the applicant? Names compared after folding case, inflection, initials, patronymics, transliteration."""

from __future__ import annotations

import re

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
    # й/и and ы/и differ between transliterations and Kazakh/Russian spellings of one name.
    return [_cyrillic(t).replace("й", "и") for t in re.findall(r"[a-zа-я]+", fold(name).replace("ы", "и"))]


def _stem(word: str) -> str:
    # Russian case endings change at most the last 2–3 letters of a surname or first name.
    return word[: max(3, len(word) - 3)] if len(word) > 5 else word[: max(3, len(word) - 1)]


def _same_word(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    sa, sb = _stem(a), _stem(b)
    # "Сейткали" / "Сейткалиевой": one stem prefixes the other when Russian adds a suffix to a Kazakh name.
    prefix = len(min(sa, sb, key=len)) >= 4 and (sa.startswith(sb) or sb.startswith(sa))
    return sa == sb or prefix or fuzz.ratio(sa, sb) >= 80


def same_person(applicant: str, printed: str) -> bool:
    """The printed name (maybe "Иванова М.П.", "Ивановой Марии", "IVANOVA MARIA") names the applicant."""
    app, doc = tokens(applicant), tokens(printed)
    if not app or not doc:
        return True  # nothing to compare: not a mismatch
    surname_hits = [w for w in doc if len(w) > 1 and _same_word(app[0], w)]
    if not surname_hits:
        return False
    rest_app, rest_doc = app[1:], [w for w in doc if w not in surname_hits]
    if not rest_app or not rest_doc:
        return True
    return _same_word(rest_app[0], rest_doc[0])
