"""Text Tesseract's page layout skipped: lines of letters that no word read covers are read again.

Tesseract's automatic page segmentation (psm 3) sometimes drops a whole paragraph that stands next to a ruled
table or a decoration (corpus seed 777: the "Осы куәлік Жуковская Наталья Петровнаға…" paragraph of a КУӘЛІК
above its table — the awardee, the course and the hours lost, at 92 mean confidence for what was read). Letters
are ink components of text size; those outside every read word's box are grouped into lines, and when whole lines
are left unread, their region is read again as one block (psm 6) and its confident words are put back in place.
Pages read whole cost one connected-components pass (≈ 30 ms).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from models import Word

LETTER_MIN_IN, LETTER_MAX_IN = 0.04, 0.35  # letter heights, 8–70 px at 200 dpi
LINE_MIN_WIDTH_IN = 1.2  # an unread "line" narrower than this is a stray word, a stamp's letters, noise
MIN_LETTERS = 12
RULE_MIN_IN = 0.3  # ink running straight across this far is a rule, not a letter (the widest letters ≈ 0.2 in)
MIN_CONFIDENCE = 60  # words read from the recovered region below this are seal rims, signatures, patterns


@dataclass
class Region:
    left: int
    top: int
    right: int
    bottom: int


def _covered(shape: tuple[int, ...], words: list[Word], grow: int) -> np.ndarray:
    mask = np.zeros(shape[:2], np.uint8)
    for w in words:
        x0, y0 = max(0, int(w.left) - grow), max(0, int(w.top) - grow)
        mask[y0 : int(w.top + w.height) + grow, x0 : int(w.left + w.width) + grow] = 1
    return mask


def _ink(gray: np.ndarray) -> np.ndarray:
    return cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]


def _rules(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Horizontal rules among the ink (runs longer than RULE_MIN_IN), grown a pixel up and down."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (int(RULE_MIN_IN * dpi), 1))
    return cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel), np.ones((3, 1), np.uint8))


def without_rules(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The page with its horizontal rules painted paper-white. A rule run through a line of print (a photographed
    protocol's date under its header rule, fresh corpus seed 31337) joins its letters into one long component that
    is no letter, and Tesseract reads none of the line; without the rule it reads most of it."""
    clean = gray.copy()
    clean[_rules(_ink(gray), dpi) > 0] = 255
    return clean


def unread_region(gray: np.ndarray, words: list[Word], dpi: int) -> Region | None:
    """The box around every line of letters no read word covers, or None when the page was read whole."""
    ink = _ink(gray)
    ink[_rules(ink, dpi) > 0] = 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    low, high = LETTER_MIN_IN * dpi, LETTER_MAX_IN * dpi
    covered = _covered(gray.shape, words, int(0.04 * dpi))
    x, y, w, h = stats[1:, 0], stats[1:, 1], stats[1:, 2], stats[1:, 3]
    letter = (h >= low) & (h <= high) & (w <= 1.5 * high) & (covered[y + h // 2, x + w // 2] == 0)
    if int(letter.sum()) < MIN_LETTERS:
        return None
    keep = np.zeros(count, np.uint8)
    keep[1:][letter] = 1
    letters = keep[labels]
    # Letters of one line join when smeared sideways by about a letter's width.
    smear = cv2.dilate(letters, cv2.getStructuringElement(cv2.MORPH_RECT, (int(0.12 * dpi), 1)))
    contours, _ = cv2.findContours(smear, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    lines = [cv2.boundingRect(c) for c in contours]
    lines = [(x, y, w, h) for x, y, w, h in lines if w >= LINE_MIN_WIDTH_IN * dpi and h <= 2 * high]
    if not lines:
        return None
    pad = int(0.05 * dpi)
    return Region(
        max(0, min(x for x, _, _, _ in lines) - pad),
        max(0, min(y for _, y, _, _ in lines) - pad),
        min(gray.shape[1], max(x + w for x, _, w, _ in lines) + pad),
        min(gray.shape[0], max(y + h for _, y, _, h in lines) + pad),
    )


def recover_unread(
    gray: np.ndarray, words: list[Word], dpi: int, read_block: Callable[[np.ndarray], list[Word]]
) -> list[Word] | None:
    """`words` with the unread lines' words added in reading order, or None when nothing was recovered.
    `read_block(crop)` reads a crop as one block of text."""
    region = unread_region(gray, words, dpi)
    if region is None:
        return None
    crop = without_rules(gray[region.top : region.bottom, region.left : region.right], dpi)
    found = [w for w in read_block(crop) if (w.conf or 0) >= MIN_CONFIDENCE]
    for w in found:
        w.left, w.top = w.left + region.left, w.top + region.top
    covered = _covered(gray.shape, words, 0)
    new = [w for w in found if not covered[int(w.top + w.height / 2), int(w.left + w.width / 2)]]
    if sum(sum(ch.isalnum() for ch in w.text) for w in new) < MIN_LETTERS:  # a date line is half figures
        return None
    return _merge(words, new)


def _merge(words: list[Word], new: list[Word]) -> list[Word]:
    """Old and new words renumbered into lines: the old reading order kept, each new line placed just before the
    first old line that starts below it."""
    old: dict[int, list[Word]] = {}
    for w in words:
        old.setdefault(w.line, []).append(w)
    old_lines = [old[n] for n in sorted(old)]
    old_tops = [min(w.top for w in line) for line in old_lines]
    added: dict[int, list[Word]] = {}
    for w in new:
        added.setdefault(w.line, []).append(w)
    before: dict[int, list[list[Word]]] = {}
    for line in sorted(added.values(), key=lambda ws: min(w.top for w in ws)):
        top = min(w.top for w in line)
        anchor = next((k for k, t in enumerate(old_tops) if t > top), len(old_lines))
        before.setdefault(anchor, []).append(sorted(line, key=lambda w: w.left))
    ordered: list[list[Word]] = []
    for k in range(len(old_lines) + 1):
        ordered += before.get(k, [])
        if k < len(old_lines):
            ordered.append(old_lines[k])
    merged: list[Word] = []
    for number, line in enumerate(ordered):
        for w in line:
            w.line = number
            merged.append(w)
    return merged
