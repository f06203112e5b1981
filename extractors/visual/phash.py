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
    return imagehash.hex_to_hash(a) - imagehash.hex_to_hash(b)
