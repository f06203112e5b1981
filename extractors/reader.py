"""`read_file`: bytes in, a FileReading out — for any input, good or bad. It never raises for bad input."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from extractors import pdf as pdf_engine
from extractors.filekind import sniff
from extractors.images import ImageTooLarge, decode_pages
from extractors.ocr_page import ocr_page
from extractors.office import docx_text, odt_text
from models import FileKind, FileReading, Flag, Page, TextSource
from pipeline.config import Settings

log = logging.getLogger(__name__)

_KIND_NAMES = {
    FileKind.jpeg: "a JPEG image",
    FileKind.png: "a PNG image",
    FileKind.tiff: "a TIFF image",
    FileKind.bmp: "a BMP image",
    FileKind.gif: "a GIF image",
    FileKind.webp: "a WEBP image",
    FileKind.docx: "a Word (DOCX) document",
    FileKind.odt: "an ODT document",
    FileKind.doc: "a legacy Word document",
    FileKind.unknown: "not a recognised document",
    FileKind.empty: "empty",
}
THUMB_DPI = 100  # colour raster kept for text-layer pages: enough for stamps, thumbnails and perceptual hashes

# Called with each page as soon as it is read, so the caller can finish a document and free its rasters while
# the rest of the file is still being read (a 200-page scan would otherwise hold ≈ 2.3 GB of rasters).
PageSink = Callable[[FileReading, Page], None]


def _add_page(reading: FileReading, page: Page, sink: PageSink | None) -> None:
    reading.pages.append(page)
    if sink is not None:
        sink(reading, page)


def _page_dpi(width: float, height: float, dpi: int, settings: Settings) -> int:
    return pdf_engine.safe_dpi(width, height, dpi, settings.max_page_pixels, settings.max_page_inches)


def _read_pdf(data: bytes, reading: FileReading, settings: Settings, sink: PageSink | None) -> None:
    reading.incremental_updates = max(0, pdf_engine.count_eof_markers(data) - 1)
    with pdf_engine.open_pdf(data) as pdf:
        reading.metadata = pdf_engine.metadata(pdf)
        if "CreationDate" not in reading.metadata and (created := pdf_engine.earliest_creation_date(data)):
            reading.metadata["CreationDate"] = created  # from an earlier revision: see earliest_creation_date
        reading.page_count = len(pdf)
        for index in range(min(len(pdf), settings.max_pages)):
            number = index + 1
            try:
                width, height = pdf_engine.page_size_points(pdf, index)
                text = pdf_engine.page_text(pdf, index)
                if pdf_engine.is_real_text(text, settings.min_text_layer_chars):
                    dpi = pdf_engine.safe_dpi(
                        width, height, THUMB_DPI, settings.max_page_pixels, settings.max_page_inches
                    )
                    image = pdf_engine.render(pdf, index, dpi) if settings.keep_page_images else None
                    page = Page(
                        number=number,
                        text=text,
                        text_source=TextSource.text_layer,
                        dpi=dpi,
                        image=image,
                        width=int(width),
                        height=int(height),
                    )
                    _add_page(reading, page, sink)
                    continue
                dpi = pdf_engine.safe_dpi(
                    width, height, settings.dpi, settings.max_page_pixels, settings.max_page_inches
                )
                colour = pdf_engine.render(pdf, index, dpi)
            except Exception as exc:  # a broken page must not lose the file's other pages
                page = Page(number=number, error=f"page {number} cannot be read: {exc}", flags=[Flag.unreadable])
                _add_page(reading, page, sink)
                continue
            _add_page(reading, ocr_page(number, colour, dpi, settings), sink)
            del colour  # one raster at a time: drop this reference before the next page is rendered
    if reading.page_count > settings.max_pages:
        log.warning("%s: read the first %d of %d pages", reading.source, settings.max_pages, reading.page_count)


def _read_image(data: bytes, reading: FileReading, settings: Settings, sink: PageSink | None) -> None:
    frames = decode_pages(data, settings.max_page_pixels, settings.max_pages)
    reading.page_count = len(frames)
    for number, (colour, dpi) in enumerate(frames, start=1):
        _add_page(reading, ocr_page(number, colour, dpi, settings), sink)


def read_file(data: bytes, source: str, settings: Settings, on_page: PageSink | None = None) -> FileReading:
    """Read every page; `on_page` (optional) sees each page as soon as it is read. It must not raise."""
    kind = sniff(data)
    reading = FileReading(source=source, kind=kind, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    if kind is not FileKind.pdf:
        # seed 000_…: portfolios must be PDF scans; JPEG/JPG/Word are not accepted.
        reading.flags.append(Flag.not_pdf)
    try:
        if kind is FileKind.pdf:
            _read_pdf(data, reading, settings, on_page)
        elif kind.is_image:
            _read_image(data, reading, settings, on_page)
        elif kind in (FileKind.docx, FileKind.odt):
            text = docx_text(data) if kind is FileKind.docx else odt_text(data)
            reading.page_count = 1
            _add_page(reading, Page(number=1, text=text, text_source=TextSource.text_layer), on_page)
        else:
            reading.error = f"file is {_KIND_NAMES.get(kind, kind.value)}: nothing can be read from it"
    except pdf_engine.PdfEncrypted as exc:
        reading.error = str(exc)
        reading.flags.append(Flag.encrypted)
    except (pdf_engine.PdfBroken, ImageTooLarge) as exc:
        reading.error = str(exc)
    except Exception as exc:  # any decoder failure on hostile input is a readable reason, not a crash
        reading.error = f"file cannot be decoded as {_KIND_NAMES.get(kind, kind.value)}: {type(exc).__name__}: {exc}"
    if reading.error and Flag.encrypted not in reading.flags:
        reading.flags.append(Flag.unreadable)
    if not reading.error and not any(p.text.strip() for p in reading.pages):
        reading.error = "no readable text on any page"
    return reading
