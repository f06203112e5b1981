"""Perceptual hash of a page image: the same scan re-compressed or slightly rotated keeps a close hash."""

from __future__ import annotations

import cv2
import imagehash
import numpy as np
from PIL import Image


def page_hash(image: np.ndarray) -> str:
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    small = cv2.resize(gray, (256, int(256 * gray.shape[0] / max(1, gray.shape[1]))), interpolation=cv2.INTER_AREA)
    return str(imagehash.phash(Image.fromarray(small), hash_size=8))


def distance(a: str, b: str) -> int:
    """Hamming distance of two hashes as `page_hash` writes them (hex): bits that differ."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


# 64 bits in 9 bands: two hashes within 8 bits of each other agree on at least one whole band (8 bits differ
# in at most 8 bands), so comparing only hashes that share a band misses no pair within the duplicate threshold.
_BANDS = ((0, 8), (8, 15), (15, 22), (22, 29), (29, 36), (36, 43), (43, 50), (50, 57), (57, 64))
MAX_BANDED_DISTANCE = len(_BANDS) - 1


def bands(hash_hex: str) -> list[tuple[int, int]]:
    """(band number, the band's bits) of a 64-bit hash: keys to bucket hashes that may be close."""
    value = int(hash_hex, 16)
    return [(i, (value >> lo) & ((1 << (hi - lo)) - 1)) for i, (lo, hi) in enumerate(_BANDS)]
