"""Screen one input file: read → split into documents → fields → per-document checks → records.

This is the unit of parallel work. It never raises for bad input: a file that cannot be read, or a stage that
fails on it, yields an error record that says why, so the batch always finishes.
"""

from __future__ import annotations

import logging
import time
import traceback
from datetime import date

import cv2
import numpy as np

from models import Document, EvidenceRecord, FileReading, FileResult, FileStats, Manifest, Page, TextSource
from pipeline.config import Settings
from pipeline.records import build_record, error_record

MIN_PLAUSIBLE_CREATION = date(2015, 1, 1)

log = logging.getLogger(__name__)

THUMB_WIDTH = 360


def thumbnail(image: np.ndarray | None) -> bytes | None:
    if image is None or getattr(image, "size", 0) == 0:
        return None
    h, w = image.shape[:2]
    scale = THUMB_WIDTH / max(w, 1)
    small = cv2.resize(image, (THUMB_WIDTH, max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 70])
    return buf.tobytes() if ok else None


def latest_issue_date(reading: FileReading) -> date:
    """No document is issued after its file was made: the PDF's creation date when it is plausible, else today.

    A scanner with its clock unset writes 2000-01-01 or the like; such a date bounds nothing."""
    from extractors.pdf import pdf_date

    today = date.today()
    created = pdf_date(reading.metadata.get("CreationDate"))
    if created is not None and MIN_PLAUSIBLE_CREATION <= created.date() <= today:
        return created.date()
    return today


def _has_text(document: Document) -> bool:
    return any(page.text.strip() for page in document.pages)


def _textless_record(document: Document, reading: FileReading, portfolio_id: str) -> EvidenceRecord:
    """A document with no readable text: an error record that says why."""
    reason = reading.error or "; ".join(p.error for p in document.pages if p.error) or "no readable text"
    record = error_record(portfolio_id, reading.source, reason, reading)
    record.pages = document.page_numbers or [1]
    record.text_source = document.text_source
    record.ocr_confidence = document.ocr_confidence
    for flag in document.flags:
        record.add_flag(flag, document.flag_reasons.get(flag.value, reason))
    return record


class _DocumentScreener:
    """Screens each document as soon as its last page is read, then frees its pages' rasters, so a task holds one
    document's rasters at a time, not a whole file's (≈ 11 MB per scanned page at 200 dpi: a 200-page scan held
    whole is ≈ 2.3 GB). Used as the reader's page sink; documents come out exactly as `split_documents` makes them.

    A document without text waits for the end of the file: its error record quotes the file's final error, which is
    known only then (it keeps no raster meanwhile).
    """

    def __init__(self, portfolio_id: str, manifest: Manifest | None, settings: Settings) -> None:
        from pipeline.segment import PageGrouper

        self.portfolio_id, self.manifest, self.settings = portfolio_id, manifest, settings
        self.grouper = PageGrouper()
        self.done: list[EvidenceRecord | Document] = []  # in page order; a Document is a textless one, for later
        self.thumbnails: dict[str, bytes] = {}
        self.failure: Exception | None = None

    def __call__(self, reading: FileReading, page: Page) -> None:
        if self.failure is not None:
            page.image = None
            return
        try:  # the reader must not see our errors: they are raised again by finish(), as internal errors
            pages = self.grouper.add(page)
            if pages:
                self._document(reading, pages)
        except Exception as exc:
            self.failure = exc

    def _document(self, reading: FileReading, pages: list[Page]) -> None:
        # Imported here so a worker process pays for spaCy/pymorphy3 loading only when it screens something.
        from classifiers import extract_fields
        from pipeline.checks import check_document
        from pipeline.segment import document_of

        document = document_of(reading, self.portfolio_id, pages)
        if not _has_text(document):
            self.done.append(document)
        else:
            applicant = self.manifest.applicant.full_name if self.manifest else None
            record = build_record(document, extract_fields(document, applicant, latest_issue_date(reading)))
            check_document(document, record, self.manifest, reading, self.settings)
            thumb = thumbnail(document.pages[0].image) if document.pages else None
            if thumb:
                self.thumbnails[record.doc_id] = thumb
            self.done.append(record)
        for done_page in pages:  # rasters are large: free them as soon as the document's checks are done
            done_page.image = None

    def finish(self, reading: FileReading) -> FileResult:
        from pipeline.segment import split_documents

        if self.failure is not None:
            raise self.failure
        pages = self.grouper.finish()
        if pages:
            self._document(reading, pages)
        elif not reading.pages:  # nothing read: split_documents' single empty document
            self.done.extend(split_documents(reading, self.portfolio_id))
        if self.failure is not None:
            raise self.failure
        records = [
            item if isinstance(item, EvidenceRecord) else _textless_record(item, reading, self.portfolio_id)
            for item in self.done
        ]
        return FileResult(
            portfolio_id=self.portfolio_id, source=reading.source, records=records, thumbnails=self.thumbnails
        )


def screen_file(
    portfolio_id: str, source: str, data: bytes, manifest: Manifest | None, settings: Settings
) -> FileResult:
    from extractors import read_file
    from extractors.tesseract import OCR_TIMED_OUT

    started = time.perf_counter()
    reading: FileReading | None = None
    try:
        screener = _DocumentScreener(portfolio_id, manifest, settings)
        reading = read_file(data, source, settings, on_page=screener)
        result = screener.finish(reading)
    except Exception as exc:  # one bad file must never sink the batch (style.md, Docling)
        log.error("screening %s/%s failed: %s", portfolio_id, source, exc)
        log.debug("%s", traceback.format_exc())
        reason = f"internal error while screening: {type(exc).__name__}: {exc}"
        result = FileResult(
            portfolio_id=portfolio_id, source=source, records=[error_record(portfolio_id, source, reason, reading)]
        )
        result.stats.cacheable = False  # perhaps a passing condition (memory): try again on a re-run
    if not result.records:  # a reader that found no pages at all still owes the file a record
        reason = (reading.error if reading else None) or "no pages could be read"
        result.records.append(error_record(portfolio_id, source, reason, reading))
    if reading is not None:
        result.stats = FileStats(
            pages=len(reading.pages),
            pages_ocr=sum(1 for p in reading.pages if p.text_source == TextSource.ocr),
            # A time-out depends on the machine's load as much as on the page: not worth keeping.
            cacheable=result.stats.cacheable
            and not any((p.error or "").startswith(OCR_TIMED_OUT) for p in reading.pages),
        )
        for page in reading.pages:  # after a failure some rasters may remain: free them with the reading
            page.image = None
    result.stats.seconds = round(time.perf_counter() - started, 3)
    return result
