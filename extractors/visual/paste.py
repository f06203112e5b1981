"""Pasted regions: a name patch whose paper differs from the page around it.

A name typed into a clean rectangle and laid over a scan keeps the rectangle's flat background (grain near 0); the
page around it carries the scanner's grain. A name printed on white paper and glued onto a cream form keeps a
neutral tint. A label of any other paper shade shows its edges (label.py). Thresholds in data/checks/visual.yaml
(`paste`, `label`).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.visual.label import blocks, pasted_label
from extractors.visual.rules import visual_rules
from models import Word

Box = tuple[int, int, int, int]  # x0, y0, x1, y1


@dataclass
class Patch:
    noise: float | None  # None: too few ink-free blocks
    tint: tuple[float, float] | None  # mean Lab a*, b* of the paper; None on a grey page


def _patch(gray: np.ndarray, near_ink: np.ndarray, box: Box, lab: np.ndarray | None) -> Patch | None:
    """Grain of the paper inside a box, from 8×8 blocks on the JPEG grid that hold no ink; its tint from
    every paper pixel (a tight name box may hold too few whole blocks, and a tint needs no grid).

    A flat pasted rectangle compresses to constant blocks (grain ≈ 0); scanned paper keeps its grain.
    """
    rules = visual_rules("paste")
    x0, y0, x1, y1 = box
    tint = None
    if lab is not None:
        paper_px = ~near_ink[y0:y1, x0:x1]
        if int(paper_px.sum()) >= rules["min_paper_pixels"]:
            ab = lab[y0:y1, x0:x1][paper_px]
            tint = (float(ab[:, 1].mean()), float(ab[:, 2].mean()))
    x0, y0 = (x0 + 7) // 8 * 8, (y0 + 7) // 8 * 8
    if x1 - x0 < 8 or y1 - y0 < 8:
        return Patch(None, tint)
    paper = blocks(gray[y0:y1, x0:x1]).reshape(-1, 64)[~blocks(near_ink[y0:y1, x0:x1]).any(axis=2).ravel()]
    if len(paper) < rules["min_paper_blocks"]:
        return Patch(None, tint)
    # Mean, not median, of the block grain: after strong JPEG most paper blocks are flat on a scan too.
    return Patch(float(np.mean(paper.std(axis=1))), tint)


def _lab(image: np.ndarray) -> np.ndarray | None:
    """Lab a*, b* (centred on 0) of a colour image; None for a grey one."""
    if image.ndim != 3:
        return None
    lab = cv2.cvtColor(image, cv2.COLOR_BGR2LAB).astype(np.float32)
    lab[:, :, 1:] -= 128.0
    return lab


def _shifted(box: Box, dy: int) -> Box:
    return box[0], box[1] - dy, box[2], box[3] - dy


def paste_anomaly(image: np.ndarray, name_words: list[Word]) -> str | None:
    """Why the name region looks pasted, or None when its paper matches the rest of the page."""
    rules = visual_rules("paste")
    if not name_words:
        return None
    height, width = image.shape[:2]
    pad = int(rules["box_pad"] * max(w.height for w in name_words))
    box = (
        max(0, int(min(w.left for w in name_words)) - pad),
        max(0, int(min(w.top for w in name_words)) - pad),
        min(width, int(max(w.left + w.width for w in name_words)) + pad),
        min(height, int(max(w.top + w.height for w in name_words)) + pad),
    )
    # The paper around the name (a band of lines above and below, name area blanked): scanner shading drifts
    # across a page, so the comparison is local. Only that strip of rows is worked on, from a row on the JPEG grid.
    band = int(rules["band_heights"] * (box[3] - box[1]))
    top = max(0, box[1] - band) // 8 * 8
    strip = image[top : min(height, box[3] + band)]
    box = _shifted(box, top)
    gray = cv2.cvtColor(strip, cv2.COLOR_BGR2GRAY) if strip.ndim == 3 else strip
    # Glyph edges are not grain: blocks within a few pixels of ink are left out.
    near_ink = cv2.dilate((gray <= rules["paper_above"]).astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    page_ink = near_ink.copy()
    page_ink[box[1] : box[3], box[0] : box[2]] = True
    mw = int(width * 0.05)
    lab = _lab(strip)
    name = _patch(gray, near_ink, box, lab)
    page = _patch(gray, page_ink, (mw, 0, width - mw, gray.shape[0]), lab)
    # A white label on tinted paper: the name's paper is nearer grey than the page's (a grey scan, or grey paper,
    # has no tint to compare; a tint that only shifts hue is the scan's colour, not a label).
    if name.tint is not None and page.tint is not None:
        paler = float(np.hypot(*page.tint) - np.hypot(*name.tint))
        if np.hypot(*page.tint) >= rules["min_paper_tint"] and paler > rules["max_tint_diff"]:
            return (
                f"name area paper is whiter than the page around it (Lab a*/b* {name.tint[0]:+.1f}/"
                f"{name.tint[1]:+.1f} vs {page.tint[0]:+.1f}/{page.tint[1]:+.1f})"
            )
    if (label := pasted_label(gray, near_ink, box, mw)) is not None:
        return label
    if name.noise is None or page.noise is None:
        return None
    # On a clean page (born-digital raster, heavy JPEG) grain says nothing, and the ringing JPEG leaves around big
    # bold letters reads as grain in the name area (generated scans: 4 false alarms in 4, no true one).
    if page.noise >= rules["min_page_noise"]:
        if name.noise < rules["noise_ratio_min"] * page.noise:
            return f"name area is smoother than the page (paper grain {name.noise:.1f} vs {page.noise:.1f})"
        grainier = name.noise - page.noise >= rules["grainier_min_diff"]
        if name.noise > rules["noise_ratio_max"] * page.noise and grainier:
            return f"name area is grainier than the page (paper grain {name.noise:.1f} vs {page.noise:.1f})"
    return None
