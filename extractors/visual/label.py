"""A label under the name: a rectangle of paper one flat shade off the page's, with straight edges around the name.

A name printed on another sheet and glued over the printed one, then scanned with the page, keeps the scanner's
grain and the page's light; what it cannot keep is the page's paper shade, unless both papers are the same. On a
grey scan that shade is all there is to see (a tint shows only in colour: paste.py), and it is often faint: a white
label on white office paper differs by 2–5 grey levels. We read the paper's level in 8×8 blocks (pixels away from
ink), take the page's level column by column from the paper above and below the name and row by row as a slope down
the strip (the scanner's light), and walk out from the name along its rows and columns: a label is a region that
stays `min_step` grey levels off the page's level around the name and falls back to it within a block or two on all
four sides, well inside the page (a band of other shade across the whole page is the scanner's light, not a label).
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
    """The paper's grey level per 8×8 block: the mean of the middle half of its paper pixels (NaN where the block
    holds too little paper). The middle half leaves out the halo blur and JPEG leave around letters, which a plain
    mean counts; a median would round the level to whole grey levels, as coarse as a label's step."""
    ink = blocks(near_ink)
    values = np.sort(np.where(ink, np.inf, blocks(gray).astype(np.float32)), axis=2)  # paper first, ascending
    paper = (~ink).sum(axis=2, keepdims=True)
    rank = np.arange(values.shape[2])[None, None, :]
    middle = (rank >= paper // 4) & (rank < paper - paper // 4)
    count = middle.sum(axis=2)
    level = np.where(middle, values, 0.0).sum(axis=2) / np.maximum(count, 1)
    level[paper[:, :, 0] < min_paper] = np.nan
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


def _edge(profile: np.ndarray, start: int, step: int, stop: int, under: float, rules: dict) -> tuple[int, float] | None:
    """Where the label ends going out from `start` by `step`, and its step from the page's level on that side.

    The step is read on the label's own blocks next to the name's edge, when that is less than `under` (the step
    under the whole name): on a bright scan the paper clips at white, which eats more of a label's difference where
    the lamp is brighter (generated course certificate: 4.5 grey levels at the name's left end, 2.7 at its right).
    It is never taken above `under`: blocks among letters carry their halo, which reads as more step than the
    label's bare paper beyond them has (held-out P202-14: 2.9 among the letters, 2.0 beyond).
    """
    near = profile[max(0, start - 4) : start] if step > 0 else profile[start + 1 : start + 5]
    level = min(float(np.nanmedian(near)), under) if np.isfinite(near).any() else float("nan")
    if not level >= rules["min_side_step"]:
        return None
    inside, back = rules["edge_high"] * level, rules["edge_low"] * level
    end = _walk(profile, start, step, stop, inside, back, rules["max_unknown_blocks"])
    return None if end is None else (end, level)


def _filled(profile: np.ndarray, back: float, min_share: float) -> bool:
    """Whether the label's row or column profile stays off the page's level across it (one flat patch)."""
    known = profile[np.isfinite(profile)]
    return known.size > 0 and float(np.mean(known >= back)) >= min_share


def _row_trend(offset: np.ndarray, y0: int, y1: int) -> np.ndarray:
    """The page's level drifting down the strip, a line fitted through the rows of paper clear of the name: a
    scanner lamp fades along the page by up to 0.02 grey levels a pixel row, ≈ 9 across a strip, more than a label
    differs (generated grey scans: the paper 5 levels darker above the name than below)."""
    rows = np.nanmedian(offset, axis=1)
    index = np.arange(len(rows))
    clear = np.isfinite(rows) & ((index < y0 - 2) | (index >= y1 + 2))
    if clear.sum() < 4 or not (index[clear] < y0).any() or not (index[clear] >= y1).any():
        return np.zeros(len(rows))
    slope, intercept = np.polyfit(index[clear], rows[clear], 1)
    return intercept + slope * index


def _column_level(values: np.ndarray, rows: np.ndarray) -> np.ndarray | None:
    """The level of `rows` of `values`, column by column, columns without paper filled in from their neighbours;
    None when fewer than two columns have paper."""
    level = np.nanmedian(values[rows], axis=0)
    known = np.flatnonzero(np.isfinite(level))
    if known.size < 2:
        return None
    return np.interp(np.arange(values.shape[1]), known, level[known])


def _beside(offset: np.ndarray, top: int, bottom: int) -> np.ndarray:
    """The page's level just outside a label's top and bottom edges, per column."""
    near = np.r_[max(0, top - 2) : top + 1, bottom : min(len(offset), bottom + 3)]
    level = _column_level(offset, near)
    return np.zeros(offset.shape[1]) if level is None else level


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
    reference = _column_level(level, np.r_[0:y0, y1:hb])
    if reference is None:
        return None
    page = float(np.median(reference[x0:x1]))
    offset = level - reference[None, :]
    offset -= _row_trend(offset, y0, y1)[:, None]
    under = float(np.nanmedian(offset[y0:y1, x0:x1]))
    if np.isnan(under) or abs(under) < rules["min_step"]:
        return None
    offset *= 1.0 if under > 0 else -1.0  # the label's side of the page's level, lighter or darker
    step = abs(under)
    # Rows first, over the name's own columns (many blocks to a row: a steady profile), then columns over the
    # label's rows, whose paper above and below the letters shows its side edges clear of ink.
    rows = np.nanmedian(offset[:, x0:x1], axis=1)
    top, bottom = _edge(rows, y0 - 1, -1, -1, step, rules), _edge(rows, y1, 1, hb, step, rules)
    if top is None or bottom is None or (bottom[0] - top[0]) > rules["max_height_names"] * (y1 - y0):
        return None
    # Its sides against the paper just above and below it, column by column: a phone photo's shading is not a
    # slope down the strip, and beside the label it can sit a grey level off the strip's (held-out P202-14).
    columns = np.nanmedian(offset[top[0] + 1 : bottom[0]], axis=0) - _beside(offset, top[0], bottom[0])
    lo, hi = margin // _BLOCK, wb - margin // _BLOCK
    left, right = _edge(columns, x0 - 1, -1, lo, step, rules), _edge(columns, x1, 1, hi, step, rules)
    if left is None or right is None:
        return None
    # Not one flat patch (shading, or a design's tinted shapes) unless nearly every row and column across it stays
    # off the page's level; per block, grain of σ 7 leaves a 3-level label's blocks anywhere from 1 to 6.
    back = rules["edge_low"] * min(side[1] for side in (top, bottom, left, right))
    inner = offset[top[0] + 1 : bottom[0], left[0] + 1 : right[0]]
    if not (
        _filled(np.nanmedian(inner, axis=0), back, rules["min_filled"])
        and _filled(np.nanmedian(inner, axis=1), back, rules["min_filled"])
    ):
        return None
    left, right, top, bottom = left[0], right[0], top[0], bottom[0]
    return (
        f"name sits on a patch of other paper with straight edges ({(right - left - 1) * _BLOCK}×"
        f"{(bottom - top - 1) * _BLOCK} px, {abs(under):.1f} grey levels {'lighter' if under > 0 else 'darker'} than "
        f"the page's {page:.0f})"
    )
