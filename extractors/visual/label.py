"""A label under the name: a rectangle of paper one flat shade off the page's, with straight edges around the name.

A name printed on another sheet and glued over the printed one, then scanned with the page, keeps the scanner's
grain and the page's light; what it cannot keep is the page's paper shade, unless both papers are the same. On a
grey scan that shade is all there is to see (a tint shows only in colour: paste.py). We read the paper's level in
8×8 blocks (the median of pixels away from ink), take the level of the paper above and below the name, column by
column, as the page's, and walk out from the name along its rows and columns: a label is a region that stays
`min_step` grey levels off the page's level around the name and falls back to it within a block or two on all four
sides, well inside the page (a band of other shade across the whole page is the scanner's light, not a label).
Thresholds in data/checks/visual.yaml (`label`).
"""

from __future__ import annotations

import warnings

import numpy as np

from extractors.visual.rules import visual_rules

Box = tuple[int, int, int, int]  # x0, y0, x1, y1
_BLOCK = 8


def blocks(a: np.ndarray) -> np.ndarray:
    """`a` cut into whole 8×8 blocks (the JPEG grid when `a` starts on it): shape (rows, columns, 64)."""
    hb, wb = a.shape[0] // _BLOCK, a.shape[1] // _BLOCK
    return a[: hb * _BLOCK, : wb * _BLOCK].reshape(hb, _BLOCK, wb, _BLOCK).swapaxes(1, 2).reshape(hb, wb, -1)


def _levels(gray: np.ndarray, near_ink: np.ndarray, min_paper: int) -> np.ndarray:
    """The paper's grey level per 8×8 block (NaN where the block holds too little paper)."""
    ink = blocks(near_ink)
    level = np.nanmedian(np.where(ink, np.nan, blocks(gray).astype(np.float32)), axis=2)
    level[(~ink).sum(axis=2) < min_paper] = np.nan
    return level


def _walk(profile: np.ndarray, start: int, step: int, stop: int, inside: float, back: float, gap: int) -> int | None:
    """Index of the first entry past `start` (going by `step`) back at the page's level, or None when the region
    does not end before `stop`, or ends gradually (light drifting, not a sheet's edge)."""
    i, last_inside, unknown = start, start - step, 0
    while i != stop:
        value = profile[i]
        if np.isnan(value):
            unknown += 1
            if unknown > gap:
                return None
        elif value < back:
            # A sheet's edge: from the label's level to the page's within a block (the one the edge cuts), blocks
            # without paper aside.
            return i if abs(i - last_inside) <= 2 + unknown else None
        else:
            unknown = 0
            if value >= inside:
                last_inside = i
        i += step
    return None


def pasted_label(gray: np.ndarray, near_ink: np.ndarray, name: Box, margin: int) -> str | None:
    """Why the name seems to sit on a glued label, or None. `gray`/`near_ink`: a strip of the page with a few name
    heights of paper above and below `name` (its box in strip coordinates); `margin`: the page's side margin (px)."""
    with warnings.catch_warnings():  # medians of blocks, rows or columns without paper: NaN is the answer
        warnings.simplefilter("ignore", RuntimeWarning)
        return _pasted_label(gray, near_ink, name, margin)


def _pasted_label(gray: np.ndarray, near_ink: np.ndarray, name: Box, margin: int) -> str | None:
    rules = visual_rules("label")
    level = _levels(gray, near_ink, rules["min_paper_pixels"])
    hb, wb = level.shape
    x0, y0 = name[0] // _BLOCK, name[1] // _BLOCK
    x1, y1 = min(wb, -(-name[2] // _BLOCK)), min(hb, -(-name[3] // _BLOCK))
    if y0 < 2 or y1 > hb - 2 or x1 <= x0:
        return None
    # The page's level column by column, from the paper above and below the name: a photo's light falls off across
    # the page by more than a label differs from it (held-out P202-14: 242 → 226 along the name's line).
    reference = np.nanmedian(level[np.r_[0:y0, y1:hb]], axis=0)
    known = np.flatnonzero(np.isfinite(reference))
    if known.size < 2:
        return None
    reference = np.interp(np.arange(wb), known, reference[known])
    page = float(np.median(reference[x0:x1]))
    offset = level - reference[None, :]
    under = float(np.nanmedian(offset[y0:y1, x0:x1]))
    if np.isnan(under) or abs(under) < rules["min_step"]:
        return None
    offset *= 1.0 if under > 0 else -1.0  # the label's side of the page's level, lighter or darker
    inside, back, gap = rules["min_step"], rules["min_step"] / 2, rules["max_unknown_blocks"]
    columns = np.nanmedian(offset[y0:y1], axis=0)
    lo, hi = margin // _BLOCK, wb - margin // _BLOCK
    left = _walk(columns, x0 - 1, -1, lo, inside, back, gap)
    right = _walk(columns, x1, 1, hi, inside, back, gap)
    if left is None or right is None:
        return None
    rows = np.nanmedian(offset[:, left + 1 : right], axis=1)
    top = _walk(rows, y0 - 1, -1, -1, inside, back, gap)
    bottom = _walk(rows, y1, 1, hb, inside, back, gap)
    if top is None or bottom is None or (bottom - top) > rules["max_height_names"] * (y1 - y0):
        return None
    inner = offset[top + 1 : bottom, left + 1 : right]
    paper = inner[np.isfinite(inner)]
    if paper.size == 0 or float(np.mean(paper >= back)) < rules["min_filled"]:
        return None  # not one flat patch: shading, or a design's tinted shapes
    return (
        f"name sits on a patch of other paper with straight edges ({(right - left - 1) * _BLOCK}×"
        f"{(bottom - top - 1) * _BLOCK} px, grey {page + under:.0f} against the page's {page:.0f})"
    )
