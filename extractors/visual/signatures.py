"""Finding a handwritten signature: thin, dark, irregular strokes on or right of the signatory line.

Approach (thresholds in data/checks/visual.yaml, `signature`):
- ink = dark or pen-blue pixels; long ruled lines are removed; inside a found seal's disc only ink darker than
  seal ink counts;
- ink components lying inside printed words that OCR read with confidence are dropped (whole components, so a
  stroke crossing a printed word survives);
- what is left in the band of a signatory line ("Директор", "подпись", "қолы", "М.П." …) and in the lower part
  of the page is joined into stroke groups; a signature is a group at least `min_width_in` wide, between
  `min_height_in` and `max_height_in` tall, whose ink covers `min_density`–`max_density` of its box (pen
  strokes are thin; a printed logo or a filled block is dense).
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from extractors.visual.rules import visual_rules
from extractors.visual.stamps import Stamp
from models import Word


def ink_mask(image: np.ndarray) -> np.ndarray:
    rules = visual_rules("signature")
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    ink = (gray < rules["dark_below"]).astype(np.uint8) * 255
    if image.ndim == 3:
        hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)
        pen = cv2.inRange(
            hsv, np.array([95, rules["pen_saturation_min"], 0]), np.array([165, 255, rules["pen_value_max"]])
        )
        ink |= pen
    return ink


def _drop_print(ink: np.ndarray, words: list[Word], min_conf: float) -> np.ndarray:
    """Remove ink components that lie inside the box of a printed word OCR read with confidence.

    Whole components, not boxes: a signature stroke that crosses a printed word leaves the box and is kept.
    """
    boxes = np.zeros(ink.shape, np.uint8)
    for w in words:
        if (w.conf is None or w.conf >= min_conf) and len(re.sub(r"\W", "", w.text)) >= 2:
            pad = max(2, int(w.height * 0.2))
            x0, y0 = max(0, int(w.left) - pad), max(0, int(w.top) - pad)
            boxes[y0 : int(w.top + w.height) + pad, x0 : int(w.left + w.width) + pad] = 1
    count, labels = cv2.connectedComponents(ink)
    # Over the ink pixels only (a few % of the page): full-page bincounts and gathers cost ≈ 0.09 s a page.
    at = np.flatnonzero(ink)
    label = labels.ravel()[at]
    total = np.bincount(label, minlength=count)
    inside = np.bincount(label, weights=boxes.ravel()[at], minlength=count)
    kept = at[~(inside >= 0.97 * total)[label]]
    out = np.zeros_like(ink)
    out.ravel()[kept] = ink.ravel()[kept]
    return out


def _bands(words: list[Word], anchor: re.Pattern[str], shape: tuple[int, int], fold) -> list[tuple[int, int, int, int]]:
    height, width = shape
    bands = []
    for w in words:
        if anchor.search(fold(w.text)):
            line_h = max(w.height, 10)
            top, bottom = int(w.top - 2.0 * line_h), int(w.top + w.height + 1.5 * line_h)
            bands.append((max(0, int(w.left)), max(0, top), width, min(height, bottom)))
    # Signatures stand in the lower part of a certificate even when OCR missed the signatory line.
    bands.append((0, int(height * visual_rules("signature")["fallback_from"]), width, height))
    return bands


def find_signature(
    image: np.ndarray, words: list[Word], dpi: int, stamp: Stamp | None, anchor: re.Pattern[str], fold
) -> tuple[int, int, int, int] | None:
    """(x, y, w, h) of a signature-like stroke group near a signatory line, or None."""
    rules = visual_rules("signature")
    ink = ink_mask(image)
    long_h = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (int(dpi * 0.6), 1)))
    ink = cv2.subtract(ink, cv2.dilate(long_h, np.ones((3, 3), np.uint8)))
    if stamp is not None:
        # Signatures cross seals. Inside the seal's disc only ink darker than seal ink counts: ballpoint and
        # print are near-black, a seal's ink (any colour, through its transparency) is mid-grey.
        disc = np.zeros_like(ink)
        cv2.circle(disc, stamp[:2], int(stamp[2] * rules["seal_blank"]), 255, -1)
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
        pale = (disc > 0) & (gray >= rules["seal_dark_below"])
        ink[pale] = 0
    ink = _drop_print(ink, words, rules["text_min_conf"])
    band_mask = np.zeros_like(ink)
    for x0, y0, x1, y1 in _bands(words, anchor, ink.shape[:2], fold):
        band_mask[y0:y1, x0:x1] = 255
    ink &= band_mask
    # Strokes of one signature are joined across small pen lifts.
    joined = cv2.dilate(ink, np.ones((max(3, dpi // 25),) * 2, np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if w < rules["min_width_in"] * dpi or h < rules["min_height_in"] * dpi or h > rules["max_height_in"] * dpi:
            continue
        density = cv2.countNonZero(ink[y : y + h, x : x + w]) / float(w * h)
        if rules["min_density"] <= density <= rules["max_density"]:
            return int(x), int(y), int(w), int(h)
    return None
