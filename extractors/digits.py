"""Digits re-read with the Russian model: the Kazakh one reads a sans-serif 3 as 5 ("2023 жылғы" → "2025").

With `rus+kaz`, Tesseract takes the Kazakh model's reading of digits in Kazakh lines, and Debian's fast `kaz`
model confuses 3 and 5 in common sans-serif faces (measured on corpus seed 777: 8 of 133 issue dates a year or
two days off, every one a 3 read as 5, while `rus` alone read each crop right). The words holding digits are
cut out, stacked one per row into a single image and read once more with `rus` alone — one small extra
Tesseract run per page — and a digit is replaced only where the second reading has the same shape (same length,
the same non-digit characters), so only the digits can change.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from models import Word

DIGIT_LANGUAGE = "rus"
_HAS_DIGIT = re.compile(r"\d")
ROW_GAP = 12  # white pixels between stacked crops
PAD = 4
MAX_WORDS = 40  # a table full of numbers is left as read


def _crop(gray: np.ndarray, word: Word) -> np.ndarray:
    top, left = max(0, int(word.top) - PAD), max(0, int(word.left) - PAD)
    return gray[top : int(word.top + word.height) + PAD, left : int(word.left + word.width) + PAD]


def _same_shape(old: str, new: str) -> bool:
    return len(old) == len(new) and all(a == b or (a.isdigit() and b.isdigit()) for a, b in zip(old, new, strict=True))


def reread_digits(words: list[Word], gray: np.ndarray, read: Callable[[np.ndarray], list[tuple[int, str]]]) -> bool:
    """Correct the digits of `words` in place; `read(image)` returns (row top, text) of each line it reads.
    True when a digit changed."""
    numeric = [w for w in words if _HAS_DIGIT.search(w.text) and w.width > 0 and w.height > 0][:MAX_WORDS]
    crops = [c for w in numeric if (c := _crop(gray, w)).size]
    if not crops or len(crops) != len(numeric):
        return False
    width = max(c.shape[1] for c in crops) + 2 * PAD
    rows, tops, y = [], [], ROW_GAP
    for crop in crops:
        tops.append(y)
        y += crop.shape[0] + ROW_GAP
    sheet = np.full((y, width), 255, np.uint8)
    for crop, top in zip(crops, tops, strict=True):
        sheet[top : top + crop.shape[0], PAD : PAD + crop.shape[1]] = crop
        rows.append((top, top + crop.shape[0]))
    changed = False
    for line_top, text in read(sheet):
        index = next((i for i, (a, b) in enumerate(rows) if a - ROW_GAP // 2 <= line_top < b), None)
        if index is None:
            continue
        word, new = numeric[index], text.strip()
        if new != word.text and _same_shape(word.text, new):
            word.text, changed = new, True
    return changed
