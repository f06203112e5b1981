"""Finding a seal: round blue/violet ink of seal size, away from the page's top emblem area."""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np
import yaml

from pipeline.config import DATA_DIR


@cache
def _rules() -> dict:
    return yaml.safe_load((DATA_DIR / "checks" / "thresholds.yaml").read_text(encoding="utf-8"))["stamp"]


def is_colour(image: np.ndarray) -> bool:
    """A scan that kept its colours (a grayscale scan cannot show a blue seal)."""
    small = cv2.resize(image, (200, int(200 * image.shape[0] / max(1, image.shape[1]))))
    saturation = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)[:, :, 1]
    return float(np.percentile(saturation, 99)) > 60


def find_stamp(image: np.ndarray, dpi: int) -> tuple[int, int, int] | None:
    """(x, y, diameter px) of a seal-like round ink mark, or None."""
    rules = _rules()
    hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)
    lower = np.array([rules["hue_min"], rules["saturation_min"], rules["value_min"]], np.uint8)
    upper = np.array([rules["hue_max"], 255, 255], np.uint8)
    mask = cv2.inRange(hsv, lower, upper)
    # Coloured frames and rules are long straight strokes; a seal touching them must not merge into them.
    h_len, w_len = max(15, mask.shape[1] // 6), max(15, mask.shape[0] // 6)
    lines = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    lines |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, w_len)))
    mask = cv2.subtract(mask, cv2.dilate(lines, np.ones((3, 3), np.uint8)))
    dmin, dmax = rules["min_diameter_in"] * dpi, rules["max_diameter_in"] * dpi
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((max(3, dpi // 30),) * 2, np.uint8))
    # RETR_LIST, not EXTERNAL: a coloured page frame encloses everything and would hide the seal inside it.
    contours, _ = cv2.findContours(closed, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    height = image.shape[0]
    for contour in contours:
        (x, y), radius = cv2.minEnclosingCircle(contour)
        diameter = 2 * radius
        if not dmin <= diameter <= dmax or y < 0.2 * height:
            continue
        w, h = cv2.boundingRect(contour)[2:]
        if not 0.7 <= w / max(h, 1) <= 1.4:
            continue
        circle = np.zeros_like(mask)
        cv2.circle(circle, (int(x), int(y)), int(radius), 255, -1)
        fill = cv2.countNonZero(mask & circle) / max(1, cv2.countNonZero(circle))
        if fill >= rules["min_fill"]:
            return int(x), int(y), int(diameter)
    return None
