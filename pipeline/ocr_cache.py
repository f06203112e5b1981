"""Page-level OCR cache: what Tesseract found on a rendered page, keyed by the page's pixels.

The file-level cache (pipeline.cache) misses whenever anything about a file's result changes — a rule under
data/, a manifest, the code. The slow part of a scanned page is Tesseract, twice: orientation detection (OSD)
and the OCR itself (here ≈ 1.1 s and ≈ 0.8 s of a page's ≈ 2.5 s). Both depend only on the rendered pixels and
how Tesseract is run, so the page as rendered (before preparation) is hashed with the dpi, languages,
page-segmentation mode, the Tesseract version and the source of the preparation and OCR wrappers; the entry keeps
the orientation and skew found and the words read. After a rule change, or for the same scan filed in two
portfolios, the page is prepared again from the known orientation and skew (identical pixels, a fraction of the
time: the visual checks need that raster) and Tesseract is not run at all. A time-out is never stored.

Entries live under CACHE/ocr/, named by the hash alone (no file names, no IINs).
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from pydantic import BaseModel, ValidationError

from models import Word
from pipeline.storage import Storage, open_storage

log = logging.getLogger(__name__)

# Part of every page key: bump it when what is stored changes (the reading steps before `store` in
# extractors/ocr_page.py), so older entries are not reused. 2: poorly read lines re-read enlarged; 3: quoted Latin
# brand names re-read with `eng`.
OCR_FORMAT = 3


class OcrEntry(BaseModel):
    format: int = OCR_FORMAT
    key: str
    rotation: int  # what preparation found (extractors.preprocess.prepare's `known`)
    skew: float
    text: str
    words: list[Word]
    mean_confidence: float | None


@cache
def _engine_version() -> str:
    """Tesseract's version and the code that prepares a page and turns Tesseract's output into words."""
    from extractors import coverage, digits, enlarge, latin, ocr_page, preprocess, tesseract
    from pipeline.cache import _tesseract_version

    digest = hashlib.sha256(f"{_tesseract_version()}|opencv {cv2.__version__}|".encode())
    for module in (preprocess, tesseract, ocr_page, coverage, digits, enlarge, latin):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def page_key(colour: np.ndarray, dpi: int, languages: str, psm: int) -> str:
    digest = hashlib.sha256(f"{OCR_FORMAT}|{colour.shape}|{colour.dtype}|{dpi}|{languages}|{psm}|".encode())
    digest.update(_engine_version().encode())
    digest.update(np.ascontiguousarray(colour).data)
    return digest.hexdigest()


class OcrCache:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    @classmethod
    @cache
    def at(cls, cache_url: str) -> OcrCache:
        """One per cache location and process: every page of every file opens it."""
        return cls(open_storage(cache_url).child("ocr"))

    @staticmethod
    def entry_key(key: str) -> str:
        return f"{key[:2]}/{key}.json"

    def get(self, key: str) -> OcrEntry | None:
        try:
            entry = OcrEntry.model_validate_json(self.storage.read_bytes(self.entry_key(key)))
        except (FileNotFoundError, ValidationError):
            return None
        return entry if entry.key == key and entry.format == OCR_FORMAT else None

    def put(self, entry: OcrEntry) -> None:
        self.storage.write_bytes(self.entry_key(entry.key), entry.model_dump_json().encode("utf-8"))


def lookup(cache_url: str, key: str) -> OcrEntry | None:
    """The stored entry, or None; an unreachable or broken cache only costs time."""
    try:
        return OcrCache.at(cache_url).get(key)
    except Exception as exc:
        log.warning("OCR cache unavailable (%s: %s)", type(exc).__name__, exc)
        return None


def store(cache_url: str, entry: OcrEntry) -> None:
    try:
        OcrCache.at(cache_url).put(entry)
    except Exception as exc:
        log.warning("OCR cache write failed (%s: %s)", type(exc).__name__, exc)
