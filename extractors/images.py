"""Decoding image files (JPEG/PNG/TIFF/…) safely: pixel budget checked before decoding, odd modes normalised."""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageSequence

A4_SHORT_INCHES = 8.27


class ImageTooLarge(Exception):
    pass


def decode_pages(data: bytes, max_pixels: int, max_pages: int) -> list[tuple[np.ndarray, int]]:
    """Every frame as (BGR uint8 array, dpi). Raises ImageTooLarge before decoding a decompression bomb."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data))
        pages = []
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= max_pages:
                break
            w, h = frame.size
            if w * h > max_pixels:
                raise ImageTooLarge(f"image is {w}×{h} px, over the {max_pixels:,} px limit")
            pages.append((_to_bgr(frame), _dpi(frame)))
        return pages


def _dpi(frame: Image.Image) -> int:
    dpi = frame.info.get("dpi")
    if dpi and 70 <= float(dpi[0]) <= 1200:
        return round(float(dpi[0]))
    # No usable dpi: assume the short side is an A4 sheet (a photo of a certificate usually is).
    return max(70, min(600, int(min(frame.size) / A4_SHORT_INCHES)))


def _to_bgr(frame: Image.Image) -> np.ndarray:
    if frame.mode in ("I;16", "I;16B", "I;16L", "I"):
        array = np.array(frame, dtype=np.float64)
        array = (255 * (array - array.min()) / max(1.0, array.max() - array.min())).astype(np.uint8)
        return np.stack([array] * 3, axis=-1)
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(background, rgba)
    rgb = np.array(frame.convert("RGB"))
    return np.ascontiguousarray(rgb[:, :, ::-1])
