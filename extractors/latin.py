"""Brand names printed in Latin letters, read again with Tesseract's English model.

Olympiads and contests often carry a Latin brand («Yasaui», «Youngchallenger», «Kangaroo»). The `rus+kaz` models
spell it in look-alike Cyrillic ("«Үазаш»", "«ҮошпесһаПепрег»"), which no approved-list rule can recognise with
confidence; `eng` reads the same crops right and surely (corpus seed 904: "«Yasaui»" at 90, "«Youngchallenger»"
at 91). Only quoted words read with doubt are tried, and the English reading replaces the old one only when it
looks like a Latin word (lower-case letters, not the capitals of a Cyrillic word traced in Latin: "BYKETOBA" at 88)
and is clearly surer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from models import Word

LATIN_LANGUAGE = "eng"
_QUOTES = "«»“”„\"'"
MAX_WORDS = 4  # per page
DOUBTFUL_BELOW = 85  # a quoted word read at least this surely is left alone
MIN_CONFIDENCE = 85  # the English reading's confidence …
MIN_GAIN = 10  # … and how much surer than the old one it must be
# A Latin word: capitalised or lower case, CamelCase allowed ("YoungChallenger"), letters only, ≥ 4 of them.
_LATIN_WORD = re.compile(
    rf"^[{re.escape(_QUOTES)}(]*([A-Z]?[a-z]{{2,}}(?:[A-Z][a-z]+)*)[{re.escape(_QUOTES)}).,:;!?]*$"
)
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
PAD = 4

WordReader = Callable[[np.ndarray], list[Word]]  # a crop → the words read in it


def _candidates(words: list[Word]) -> list[Word]:
    quoted = [
        w
        for w in words
        if any(q in w.text for q in _QUOTES)
        and _CYRILLIC.search(w.text)
        and sum(ch.isalpha() for ch in w.text) >= 4
        and (w.conf or 0) < DOUBTFUL_BELOW
    ]
    return sorted(quoted, key=lambda w: w.conf or 0)[:MAX_WORDS]


def reread_latin(words: list[Word], gray: np.ndarray, read: WordReader) -> bool:
    """Replace, in place, quoted words the Cyrillic models misread when English reads them as a Latin word."""
    changed = False
    for word in _candidates(words):
        top, left = max(0, int(word.top) - PAD), max(0, int(word.left) - PAD)
        crop = gray[top : int(word.top + word.height) + PAD, left : int(word.left + word.width) + PAD]
        if crop.size == 0:
            continue
        found = read(crop)
        if len(found) != 1:
            continue
        new = found[0]
        surer = (new.conf or 0) >= max(MIN_CONFIDENCE, (word.conf or 0) + MIN_GAIN)
        latin = _LATIN_WORD.match(new.text)
        if surer and latin and len(latin.group(1)) >= 4:
            word.text, word.conf, changed = new.text, new.conf, True
    return changed
