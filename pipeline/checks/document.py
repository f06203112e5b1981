"""Per-document checks: each raises a contract flag with a reason a reviewer can act on."""

from __future__ import annotations

from models import Document, EvidenceRecord, FileReading, Manifest
from pipeline.checks.content import check_event, check_level, check_name, check_period, check_reading, folded_text
from pipeline.checks.duplicates import text_hash
from pipeline.checks.nearcopy import mentions
from pipeline.checks.tampering import check_tampering
from pipeline.checks.textsig import minhash, sketch
from pipeline.checks.visual import check_visual
from pipeline.config import Settings


def check_document(
    document: Document, record: EvidenceRecord, manifest: Manifest | None, reading: FileReading, settings: Settings
) -> None:
    """Adds flags with reasons to `record` in place; sets its text and page hashes for check_batch."""
    record.text_hash = text_hash(document.text)
    record.text_minhash = minhash(document.text)
    record.text_shingles = sketch(document.text)
    record.text_mentions = mentions(document.text)
    folded = folded_text(document)
    check_reading(document, record)
    check_event(record, folded)
    check_visual(document, record, folded)
    check_tampering(document, record, reading, manifest.applicant.full_name if manifest else None)
    if manifest is not None:
        check_name(record, manifest, document.text)
        check_period(record, manifest)
        check_level(record, manifest, settings)
