"""Page preparation with OpenCV before OCR: grayscale, orientation, deskew, light/background, border removal."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.tesseract import orientation

# One OpenCV thread per process: pages run side by side in worker threads and processes (2 × 2 threads on 2 cores
# only fight over them).
cv2.setNumThreads(1)
_DESKEW_RANGE = 6.0  # degrees searched each way; scans of certificates are rarely worse
_DESKEW_STEP = 0.25


@dataclass
class Prepared:
    gray: np.ndarray  # what OCR reads: upright, deskewed, background-flattened, borders removed
    colour: np.ndarray  # the upright colour page (BGR), kept for stamp/signature checks
    rotation: int
    skew: float  # rounded, for the Page model
    measured_skew: float = 0.0  # as estimated and applied: passing it back to prepare() reproduces the page exactly


def to_gray(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _rotate_quadrant(image: np.ndarray, degrees: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[degrees]) if degrees in codes else image


def detect_orientation(gray: np.ndarray, dpi: int) -> int | None:
    """Clockwise degrees that make the page upright, from Tesseract's OSD on a reduced copy (≈ 0.2 s); None when
    it cannot tell."""
    scale = min(1.0, 150 / max(dpi, 1))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    osd = orientation(small, int(dpi * scale))
    if osd is None or float(osd.get("orientation_conf", 0)) < 1.5:  # too little text to tell
        return None
    return int(osd.get("rotate", 0)) % 360


def estimate_skew(gray: np.ndarray) -> float:
    """Skew angle in degrees by maximising the variance of row sums of the ink (projection profile)."""
    scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def score(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        return float(np.var(rotated.sum(axis=1, dtype=np.float64)))

    # Coarse to fine: whole degrees, then quarter degrees around the best (21 rotations instead of 49).
    coarse = max(np.arange(-_DESKEW_RANGE, _DESKEW_RANGE + 1e-9, 1.0), key=lambda a: score(float(a)))
    fine = np.arange(coarse - 1.0, coarse + 1.0 + 1e-9, _DESKEW_STEP)
    return float(max(fine, key=lambda a: score(float(a))))


def rotate(image: np.ndarray, angle: float) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = 255 if image.ndim == 2 else (255, 255, 255)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


BACKGROUND_INCHES = 0.6  # ink thinner than this is not background: the bold strokes of a 96-pt title are ≈ 0.2 in


def flatten_background(gray: np.ndarray, dpi: int) -> np.ndarray:
    """Divide by the paper's brightness: removes uneven light and tinted paper, keeps strokes.

    The paper is what a max filter wider than any stroke leaves (text, stamps and signatures are darker than
    the paper around them), smoothed. A median filter instead takes the inside of a big bold title for
    background and bleaches it.
    """
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    k = max(5, int(BACKGROUND_INCHES * dpi / 4) | 1)
    paper = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    paper = cv2.GaussianBlur(paper, (0, 0), k / 2)
    paper = cv2.resize(paper, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(paper, 1), scale=255)


def remove_borders(gray: np.ndarray) -> np.ndarray:
    """Blank the page margin (scanner edges, frames) and long ruled lines (frames, tables): they only make noise.

    Lines a quarter of the page long are found on a half-size copy (4× fewer pixels under the long kernels)."""
    out = gray.copy()
    h, w = out.shape
    my, mx = int(h * 0.03), int(w * 0.03)
    out[:my, :], out[h - my :, :], out[:, :mx], out[:, w - mx :] = 255, 255, 255, 255
    half = cv2.resize(out, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    ink = cv2.threshold(half, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // 8, 1)))
    lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, h // 8)))
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    out[cv2.resize(lines, (w, h), interpolation=cv2.INTER_NEAREST) > 0] = 255
    return out


def prepare(colour: np.ndarray, dpi: int, rotation: int = 0, skew: float | None = None) -> Prepared:
    """The page turned by `rotation` clockwise degrees (from detect_orientation, when the reader asks for it),
    deskewed, with its background flattened and borders removed. `skew` is the one an earlier prepare() of the
    same pixels measured (the page OCR cache): it is then not estimated again."""
    gray = to_gray(colour)
    if rotation:
        colour, gray = _rotate_quadrant(colour, rotation), _rotate_quadrant(gray, rotation)
    measured = estimate_skew(gray) if skew is None else skew
    if abs(measured) >= 0.2:
        colour, gray = rotate(colour, measured), rotate(gray, measured)
    gray = remove_borders(flatten_background(cv2.GaussianBlur(gray, (3, 3), 0), dpi))
    return Prepared(gray=gray, colour=colour, rotation=rotation, skew=round(measured, 2), measured_skew=measured)
