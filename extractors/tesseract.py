"""The only module that runs Tesseract: command line, languages, timeout and error translation live here."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract

from models import Word

# One Tesseract thread per process: pages are OCR'd side by side instead (2 × 1 thread ≈ 1.2 pages/s here,
# 1 × default threads ≈ 0.3 pages/s).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class OcrError(RuntimeError):
    pass


OCR_TIMED_OUT = "OCR timed out"  # starts a page's error when the time limit ended Tesseract


@dataclass
class OcrResult:
    words: list[Word]
    text: str
    mean_confidence: float | None


def version() -> str:
    return str(pytesseract.get_tesseract_version())


OCR_PSM = 3  # page segmentation: fully automatic, no OSD (orientation is found before, in preprocess)


def _image_to_data(path: str, languages: str, config: str, timeout: float) -> dict:
    try:
        return pytesseract.image_to_data(
            path, lang=languages, config=config, timeout=timeout, output_type=pytesseract.Output.DICT
        )
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        raise OcrError(f"{OCR_TIMED_OUT} after {timeout:g} s") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"Tesseract failed: {exc.message.strip()[:200]}") from exc


@contextmanager
def _as_pgm(image: np.ndarray) -> Iterator[str]:
    """The image as an uncompressed PGM file: given an array, pytesseract writes a deflated PNG first, ≈ 0.16 s a
    page."""
    with tempfile.NamedTemporaryFile(suffix=".pgm", prefix="ps-ocr-") as handle:
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        if not cv2.imwrite(handle.name, gray):
            raise OcrError("the page image could not be handed to Tesseract")
        yield handle.name


def orientation(image: np.ndarray, dpi: int, timeout: float = 15) -> dict | None:
    """Tesseract's orientation and script detection (OSD) of a page; None when it finds too little text."""
    try:
        with _as_pgm(image) as path:
            return pytesseract.image_to_osd(
                path, config=f"--psm 0 --dpi {dpi}", timeout=timeout, output_type=pytesseract.Output.DICT
            )
    except (pytesseract.TesseractError, RuntimeError, OcrError):
        return None


def ocr(image: np.ndarray, dpi: int, languages: str, timeout: float, psm: int = OCR_PSM) -> OcrResult:
    """OCR a grayscale or binary page. The dpi is always passed: without it Tesseract spends ≈ 1.5 s guessing."""
    config = f"--dpi {dpi} --psm {psm}"
    with _as_pgm(image) as path:
        data = _image_to_data(path, languages, config, timeout)
    words: list[Word] = []
    lines: list[list[str]] = []
    line_keys: dict[tuple[int, int, int], int] = {}
    for i, raw in enumerate(data["text"]):
        text = raw.strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key not in line_keys:
            line_keys[key] = len(lines)
            lines.append([])
        line_no = line_keys[key]
        lines[line_no].append(text)
        words.append(
            Word(
                text=text,
                left=data["left"][i],
                top=data["top"][i],
                width=data["width"][i],
                height=data["height"][i],
                conf=conf,
                line=line_no,
            )
        )
    text = "\n".join(" ".join(line) for line in lines)
    return OcrResult(words=words, text=text, mean_confidence=mean_confidence(words))


def mean_confidence(words: list[Word]) -> float | None:
    """Mean confidence of real words only: single punctuation marks and border debris drag it down unfairly."""
    real = [w.conf for w in words if w.conf is not None and sum(ch.isalnum() for ch in w.text) >= 2]
    return round(float(np.mean(real)), 1) if real else None
