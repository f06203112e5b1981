"""Finding a seal: a round ink mark of seal size — coloured (blue/violet ink) or a dark ring on a grey scan."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.visual.rules import visual_rules

Stamp = tuple[int, int, int]  # (x, y, diameter) in page pixels


def is_colour(image: np.ndarray) -> bool:
    """A scan that kept its colours (a grayscale scan cannot show a blue seal)."""
    if image.ndim != 3:
        return False
    small = cv2.resize(image, (200, max(1, int(200 * image.shape[0] / max(1, image.shape[1])))))
    saturation = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)[:, :, 1]
    return float(np.percentile(saturation, 99)) > visual_rules("stamp")["colour_saturation_p99"]


def _without_lines(mask: np.ndarray) -> np.ndarray:
    # Coloured frames and rules are long straight strokes; a seal touching them must not merge into them. They are
    # found on a half-size copy (4× fewer pixels under the long kernels, as extractors.preprocess.remove_borders).
    h, w = mask.shape
    half = cv2.resize(mask, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    half = (half >= 128).astype(np.uint8) * 255
    h_len, w_len = max(8, w // 12), max(8, h // 12)
    lines = cv2.morphologyEx(half, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    lines |= cv2.morphologyEx(half, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, w_len)))
    lines = cv2.resize(cv2.dilate(lines, np.ones((2, 2), np.uint8)), (w, h), interpolation=cv2.INTER_NEAREST)
    return cv2.subtract(mask, lines)


def _colour_stamp(image: np.ndarray, dpi: int) -> Stamp | None:
    rules = visual_rules("stamp")
    hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)
    lower = np.array([rules["hue_min"], rules["saturation_min"], rules["value_min"]], np.uint8)
    upper = np.array([rules["hue_max"], 255, 255], np.uint8)
    mask = _without_lines(cv2.inRange(hsv, lower, upper))
    dmin, dmax = rules["min_diameter_in"] * dpi, rules["max_diameter_in"] * dpi
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((max(3, dpi // 30),) * 2, np.uint8))
    # RETR_LIST, not EXTERNAL: a coloured page frame encloses everything and would hide the seal inside it.
    contours, _ = cv2.findContours(closed, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    height = image.shape[0]
    best: Stamp | None = None  # the outer rim: the largest seal-like contour, not an inner ring of the same seal
    for contour in contours:
        (x, y), radius = cv2.minEnclosingCircle(contour)
        diameter = 2 * radius
        if not dmin <= diameter <= dmax or y < rules["top_exclude"] * height:
            continue  # emblems sit at the top of the page
        w, h = cv2.boundingRect(contour)[2:]
        if not 0.7 <= w / max(h, 1) <= 1.4:
            continue
        circle = np.zeros_like(mask)
        cv2.circle(circle, (int(x), int(y)), int(radius), 255, -1)
        fill = cv2.countNonZero(mask & circle) / max(1, cv2.countNonZero(circle))
        if fill < rules["min_fill"] or not is_ring_of_marks(mask > 0, x, y, radius, rules["max_band_ink"]):
            continue
        if best is None or diameter > best[2]:
            best = int(x), int(y), int(diameter)
    return best


def _ink(gray: np.ndarray, below: int, margin: int) -> np.ndarray:
    """Pixels darker than ink level `below` and than the paper by `margin`: faint seal ink on white paper counts,
    a grey photo background does not."""
    paper = float(np.percentile(gray, 90))
    return (gray < min(below, paper - margin)).astype(np.uint8)


def _without_solid(marks: np.ndarray, dpi: float) -> np.ndarray:
    """Ink marks without solid areas: a seal is drawn in strokes, and a dark band of the design is none of its
    rim (seed 915 P915-16: a grey band's edge and two thin design circles closed a "ring" of 0.85)."""
    side = max(3, round(visual_rules("stamp")["solid_min_in"] * dpi))
    solid = cv2.morphologyEx(marks, cv2.MORPH_OPEN, np.ones((side, side), np.uint8))
    return marks & (1 - solid)


def _annulus(
    shape: tuple[int, ...], x: float, y: float, r: float, inner: float, outer: float
) -> tuple[tuple[slice, slice], np.ndarray]:
    """The box around a circle and, within it, the ring between `inner`·r and `outer`·r from its centre."""
    y0, y1 = max(0, int(y - outer * r)), min(shape[0], int(y + outer * r) + 1)
    x0, x1 = max(0, int(x - outer * r)), min(shape[1], int(x + outer * r) + 1)
    yy, xx = np.ogrid[y0:y1, x0:x1]
    dist = np.sqrt((xx - x) ** 2 + (yy - y) ** 2)
    return (slice(y0, y1), slice(x0, x1)), (dist > inner * r) & (dist < outer * r)


def band_ink(ink: np.ndarray, x: float, y: float, r: float) -> float | None:
    """Share of inked pixels in the band inside a circle's rim (0.55–0.85 r), where a seal has its lettering."""
    box, band = _annulus(ink.shape, x, y, r, 0.55, 0.85)
    return float(ink[box][band].mean()) if band.any() else None


def is_ring_of_marks(ink: np.ndarray, x: float, y: float, r: float, max_band_ink: float) -> bool:
    """A seal's band inside its rim holds letters, not solid ink: a circle over a filled area (a coloured band of
    the design, a dark photo background) is no seal."""
    share = band_ink(ink, x, y, r)
    return share is not None and share <= max_band_ink


_ANGLES = np.linspace(0, 2 * np.pi, 180, endpoint=False)
_RIM = np.array([0.94, 0.97, 1.0, 1.03])
# Hough's centre and radius are a few pixels off on a thin rim: the fit is searched this far around them.
_SHIFTS = np.array([(dx, dy, dr) for dx in (-2, 0, 2) for dy in (-2, 0, 2) for dr in (-4, -2, 0, 2, 4)], float)


def _coverages(ink: np.ndarray, x: np.ndarray, y: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Share of directions from each centre (x, y) in which ink lies at distance ≈ r (arrays of shape (n, 1, 1))."""
    radii = r * _RIM[None, :, None]
    xs = np.clip((x + radii * np.cos(_ANGLES)).astype(int), 0, ink.shape[1] - 1)
    ys = np.clip((y + radii * np.sin(_ANGLES)).astype(int), 0, ink.shape[0] - 1)
    return (ink[ys, xs] > 0).any(axis=1).mean(axis=1)


def ring_coverage(ink: np.ndarray, x: float, y: float, r: float) -> float:
    """Share of directions from (x, y) in which ink lies at distance ≈ r: a seal's rim is a closed ring."""
    return float(_coverages(ink, *(np.full((1, 1, 1), float(v)) for v in (x, y, r)))[0])


def best_ring_fit(ink: np.ndarray, x0: float, y0: float, r0: float) -> tuple[float, float, float, float]:
    """(coverage, x, y, r) of the closest ring near (x0, y0, r0), every shift of _SHIFTS at once."""
    x, y, r = (float(v) + _SHIFTS[:, i] for i, v in enumerate((x0, y0, r0)))
    coverage = _coverages(ink, x[:, None, None], y[:, None, None], r[:, None, None])
    return max(zip(coverage.tolist(), x.tolist(), y.tolist(), r.tolist(), strict=True))


def _foreign_hue_share(hsv: np.ndarray | None, ink: np.ndarray, x: float, y: float, r: float) -> float:
    """Share of a ring's rim ink in a saturated colour seals are never inked in (orange, red, green): the
    decorative circles of a design. Grey or black ink is not foreign (grey seals exist); without colour, 0."""
    if hsv is None:
        return 0.0
    box, rim = _annulus(ink.shape, x, y, r, 0.9, 1.05)
    rim &= ink[box] > 0
    if not rim.any():
        return 0.0
    rules = visual_rules("stamp")
    hue, saturation = hsv[box][:, :, 0][rim], hsv[box][:, :, 1][rim]
    foreign = (saturation >= rules["saturation_min"]) & ((hue < rules["hue_min"]) | (hue > rules["hue_max"]))
    return float(foreign.mean())


def _ring_stamp(image: np.ndarray, dpi: int) -> Stamp | None:
    """A seal of any ink colour: Hough circles of seal size whose rim is a nearly closed ring of ink."""
    rules = visual_rules("stamp")
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    scale = min(1.0, rules["ring_work_dpi"] / dpi)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    sdpi = dpi * scale
    marks = _without_solid(_ink(small, rules["ring_ink_below"], rules["ring_ink_margin"]), sdpi)
    ink = cv2.dilate(marks, np.ones((2, 2), np.uint8))
    rmin, rmax = int(rules["min_diameter_in"] * sdpi / 2), int(rules["max_diameter_in"] * sdpi / 2)
    circles = cv2.HoughCircles(
        cv2.GaussianBlur(small, (5, 5), 1.5),
        cv2.HOUGH_GRADIENT,
        dp=1.5,
        minDist=rmin,
        param1=100,
        param2=rules["hough_votes"],
        minRadius=rmin,
        maxRadius=rmax,
    )
    if circles is None:
        return None
    hsv = None  # the rim's colour, asked of rings that pass the ink tests
    if image.ndim == 3:
        colour = cv2.resize(image, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_AREA)
        hsv = cv2.cvtColor(colour, cv2.COLOR_BGR2HSV)
    best: Stamp | None = None
    for x0, y0, r0 in circles[0][: rules["hough_max_candidates"]]:
        if y0 < rules["top_exclude"] * small.shape[0]:
            continue
        if ring_coverage(ink, x0, y0, r0) < rules["faint_ring_coverage"] - 0.3:
            continue  # far from a closed ring even where Hough put it: not worth the search below
        coverage, x, y, r = best_ring_fit(ink, x0, y0, r0)
        lettering = band_ink(marks, x, y, r)
        if lettering is None or lettering > rules["ring_max_band_ink"]:
            continue
        # A faint grey seal loses stretches of its rim; it is still taken when its band shows lettering (and, below,
        # when its rim has no colour a seal is never inked in).
        faint = coverage >= rules["faint_ring_coverage"] and lettering >= rules["faint_min_band_ink"]
        if coverage < rules["min_ring_coverage"] and not faint:
            continue
        foreign = _foreign_hue_share(hsv, ink, x, y, r)
        closed = coverage >= rules["min_ring_coverage"]
        if foreign > rules["ring_max_foreign_hue" if closed else "faint_max_foreign_hue"]:
            continue  # a design's coloured circles; a ring only nearly closed must not be coloured at all
        if best is None or 2 * r / scale > best[2]:
            best = int(x / scale), int(y / scale), int(2 * r / scale)
    return best


def find_stamp(image: np.ndarray, dpi: int) -> Stamp | None:
    """(x, y, diameter px) of a seal-like round ink mark, or None."""
    if image.ndim == 3:
        found = _colour_stamp(image, dpi)
        if found:
            return found
    return _ring_stamp(image, dpi)
