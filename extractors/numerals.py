"""Repairing place numerals after OCR: the token before «степени» / «дәрежелі» is re-read from its pixels.

The Cyrillic models read the Roman numeral III as "ІІ"/"Ш" and II as "И"/"П", and Tesseract reads a crop of
bare bars as nothing at all; but I, II and III are just 1–3 vertical strokes, which the middle band of the
crop (below and above any serifs) shows as separate runs of inked columns.
"""

from __future__ import annotations

import itertools
import re

import cv2
import numpy as np

from models import Word

# Words a place numeral stands before: «II степени», «III дәрежелі», «(II место)», «I орын».
_DEGREE = re.compile(r"^(?:степен|дәрежел|дарежел|дэрежел|мест|орын)", re.IGNORECASE)
_NUMERAL_LIKE = re.compile(r"^\(?[IІ1lЛ|ПШИНUVX]{1,3}[\.,]?$")


def repair_numerals(words: list[Word], gray: np.ndarray, dpi: int) -> bool:
    """Rewrite numeral-looking words that precede a degree word; True when something changed."""
    changed = False
    for before, after in itertools.pairwise(words):
        if not (_DEGREE.match(after.text) and _NUMERAL_LIKE.match(before.text) and before.line == after.line):
            continue
        pad = max(4, int(before.height * 0.25))
        # A parenthesis is a stroke too: the crop starts after it ("(II место)").
        skip = before.width / len(before.text) if before.text.startswith("(") else 0
        top, left = max(0, int(before.top) - pad), max(0, int(before.left + skip) - (0 if skip else pad))
        crop = gray[top : int(before.top + before.height) + pad, left : int(before.left + before.width) + pad]
        if crop.size == 0:
            continue
        numeral = count_strokes(crop)
        paren = "(" if before.text.startswith("(") else ""
        if numeral and paren + numeral != before.text:
            before.text, changed = paren + numeral, True
    return changed


def count_strokes(crop: np.ndarray) -> str | None:
    ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    rows = np.where(ink.any(axis=1))[0]
    if rows.size < 8:
        return None
    top, bottom = rows[0], rows[-1]
    band = ink[top + (bottom - top) * 2 // 5 : top + (bottom - top) * 3 // 5 + 1]
    columns = np.concatenate([[0], (band > 0).any(axis=0).astype(np.int8), [0]])
    runs = int(np.count_nonzero(np.diff(columns) == 1))
    stroke_height = bottom - top
    # Each run must be a thin vertical stroke, not a letter (a wide run means this is not a numeral).
    widths = np.diff(np.flatnonzero(np.diff(columns)))[::2]
    if not 1 <= runs <= 3 or widths.max(initial=0) > stroke_height * 0.6:
        return None
    return "I" * runs


def text_from_words(words: list[Word]) -> str:
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(lines[n]) for n in sorted(lines))
