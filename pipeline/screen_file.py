"""Screen one input file: read → split into documents → fields → per-document checks → records.

This is the unit of parallel work. It never raises for bad input: a file that cannot be read, or a stage that
fails on it, yields an error record that says why, so the batch always finishes.
"""

from __future__ import annotations

import logging
import time
import traceback

import cv2
import numpy as np

from models import Document, FileReading, FileResult, FileStats, Manifest, TextSource
from pipeline.config import Settings
from pipeline.records import build_record, error_record

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


def _has_text(document: Document) -> bool:
    return any(page.text.strip() for page in document.pages)


def _screen_documents(
    reading: FileReading, portfolio_id: str, manifest: Manifest | None, settings: Settings
) -> FileResult:
    # Imported here so a worker process pays for spaCy/pymorphy3 loading only when it screens something.
    from classifiers import extract_fields
    from pipeline.checks import check_document
    from pipeline.segment import split_documents

    result = FileResult(portfolio_id=portfolio_id, source=reading.source, records=[])
    for document in split_documents(reading, portfolio_id):
        if not _has_text(document):
            reason = reading.error or "; ".join(p.error for p in document.pages if p.error) or "no readable text"
            record = error_record(portfolio_id, reading.source, reason, reading)
            record.pages = document.page_numbers or [1]
            record.text_source = document.text_source
            record.ocr_confidence = document.ocr_confidence
            for flag in document.flags:
                record.add_flag(flag, document.flag_reasons.get(flag.value, reason))
            result.records.append(record)
            continue
        fields = extract_fields(document, manifest.applicant.full_name if manifest else None)
        record = build_record(document, fields)
        check_document(document, record, manifest, reading, settings)
        thumb = thumbnail(document.pages[0].image) if document.pages else None
        if thumb:
            result.thumbnails[record.doc_id] = thumb
        result.records.append(record)
    return result


def screen_file(
    portfolio_id: str, source: str, data: bytes, manifest: Manifest | None, settings: Settings
) -> FileResult:
    from extractors import read_file

    started = time.perf_counter()
    reading: FileReading | None = None
    try:
        reading = read_file(data, source, settings)
        result = _screen_documents(reading, portfolio_id, manifest, settings)
    except Exception as exc:  # one bad file must never sink the batch (style.md, Docling)
        log.error("screening %s/%s failed: %s", portfolio_id, source, exc)
        log.debug("%s", traceback.format_exc())
        reason = f"internal error while screening: {type(exc).__name__}: {exc}"
        result = FileResult(
            portfolio_id=portfolio_id, source=source, records=[error_record(portfolio_id, source, reason, reading)]
        )
    if not result.records:  # a reader that found no pages at all still owes the file a record
        reason = (reading.error if reading else None) or "no pages could be read"
        result.records.append(error_record(portfolio_id, source, reason, reading))
    if reading is not None:
        result.stats = FileStats(
            pages=len(reading.pages),
            pages_ocr=sum(1 for p in reading.pages if p.text_source == TextSource.ocr),
        )
        for page in reading.pages:  # rasters are large: free them as soon as the checks are done
            page.image = None
    result.stats.seconds = round(time.perf_counter() - started, 3)
    return result
