"""The PDF engine (pypdfium2): open, text layer, metadata, rasterising. Nothing else touches pypdfium2."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import numpy as np
import pypdfium2 as pdfium

# PDFium is not thread-safe across documents in one process.
_LOCK = threading.RLock()
_REAL_WORD = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{3,}")


class PdfEncrypted(Exception):
    pass


class PdfBroken(Exception):
    pass


@contextmanager
def open_pdf(data: bytes) -> Iterator[pdfium.PdfDocument]:
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            message = str(exc)
            if "password" in message.lower():
                raise PdfEncrypted("PDF is encrypted (password required)") from exc
            raise PdfBroken(f"PDF is truncated or corrupt: {message}") from exc
        try:
            yield pdf
        finally:
            pdf.close()


def metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    with _LOCK:
        try:
            return {k: str(v) for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
        except pdfium.PdfiumError:
            return {}


def page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    with _LOCK:
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            return text.replace("\r\n", "\n").replace("\r", "\n")
        finally:
            page.close()


def page_size_points(pdf: pdfium.PdfDocument, index: int) -> tuple[float, float]:
    with _LOCK:
        page = pdf[index]
        try:
            return page.get_size()
        finally:
            page.close()


def is_real_text(text: str, min_chars: int) -> bool:
    """A text layer worth trusting: enough letters forming words (not cid codes, mojibake or a stray header)."""
    letters = sum(len(m) for m in _REAL_WORD.findall(text))
    visible = sum(1 for ch in text if not ch.isspace())
    return letters >= min_chars and visible > 0 and letters / visible >= 0.5 and "(cid:" not in text


def render(pdf: pdfium.PdfDocument, index: int, dpi: int) -> np.ndarray:
    """The page as a BGR uint8 array at `dpi` (the caller has already capped dpi for absurd page sizes)."""
    with _LOCK:
        page = pdf[index]
        try:
            bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
            array = np.array(bitmap.to_numpy(), copy=True)
            bitmap.close()
        finally:
            page.close()
    if array.ndim == 2:
        return np.stack([array] * 3, axis=-1)
    return array[:, :, :3]


def safe_dpi(width_pt: float, height_pt: float, dpi: int, max_pixels: int, max_inches: float) -> int:
    """Lower the dpi so absurd page sizes (posters, 2400-dpi scans mis-sized) stay within the pixel budget."""
    inches = max(width_pt, height_pt) / 72
    if inches > max_inches:
        dpi = min(dpi, max(10, int(dpi * max_inches / inches)))
    pixels = (width_pt / 72 * dpi) * (height_pt / 72 * dpi)
    if pixels > max_pixels:
        dpi = max(10, int(dpi * (max_pixels / pixels) ** 0.5))
    return dpi


def count_eof_markers(data: bytes) -> int:
    return data.count(b"%%EOF")


_INFO_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:\d{4}[^)]{0,30})\)")


def earliest_creation_date(data: bytes) -> str | None:
    """The oldest CreationDate any revision's Info left in the file (PDF date string), or None.

    An editor saving in place appends a new Info dictionary and may leave CreationDate out of it; the first
    revision's Info still sits in the file, uncompressed in the files seen (Info is rarely in an object stream).
    """
    dates = [m.group(2).decode("latin-1") for m in _INFO_DATE.finditer(data) if m.group(1) == b"CreationDate"]
    return min(dates, key=lambda d: re.sub(r"\D", "", d)[:14]) if dates else None


_PDF_DATE = re.compile(r"(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def pdf_date(value: str | None) -> datetime | None:
    """PDF date strings ("D:20240301120000+06'00'") to a naive datetime; None when absent or malformed."""
    m = _PDF_DATE.search((value or "").removeprefix("D:"))
    if not m:
        return None
    parts = [int(p) if p else d for p, d in zip(m.groups(), (0, 1, 1, 0, 0), strict=True)]
    try:
        return datetime(*parts)
    except ValueError:
        return None
