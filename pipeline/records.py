"""Turn a document and its fields into an evidence record; make error records."""

from __future__ import annotations

from models import Document, DocumentFields, EvidenceRecord, FileReading, Flag, TextSource
from models.document import make_doc_id
from models.evidence import ContractDocumentFields
from pipeline.privacy import mask_iin

EXCERPT_CHARS = 400
# Fields whose confidence makes up the record's confidence: what a reviewer acts on.
_KEY_FIELDS = ("doc_type", "level", "result", "person_name", "issued_on", "event_name")


def record_confidence(fields: DocumentFields, ocr_confidence: float | None) -> float:
    """Mean confidence of the key fields, scaled down when OCR was unsure of the words themselves."""
    confs = [fields.field_confidence[f] for f in _KEY_FIELDS if f in fields.field_confidence]
    base = sum(confs) / len(confs) if confs else 0.5
    if ocr_confidence is not None:
        base *= min(1.0, max(0.2, ocr_confidence / 90.0))
    return round(max(0.0, min(1.0, base)), 3)


def build_record(document: Document, fields: DocumentFields) -> EvidenceRecord:
    contract_fields = fields.model_dump(include=set(ContractDocumentFields.model_fields))
    extra = {
        k: v
        for k, v in fields.model_dump(
            include={"event_dates", "organizer_url", "commercial_signals", "programme", "coauthors", "field_confidence"}
        ).items()
        if v
    }
    record = EvidenceRecord(
        portfolio_id=document.portfolio_id,
        source=document.source,
        pages=document.page_numbers or [1],
        **contract_fields,
        confidence=record_confidence(fields, document.ocr_confidence),
        text_source=document.text_source,
        ocr_confidence=document.ocr_confidence,
        doc_id=document.doc_id,
        language=fields.language,
        file_sha256=document.file_sha256,
        text_excerpt=mask_iin(" ".join(document.text.split())[:EXCERPT_CHARS]) or None,
        extra=extra,
    )
    for flag in document.flags:
        record.add_flag(flag, document.flag_reasons.get(flag.value, flag.value))
    for page in document.pages:
        for flag in page.flags:
            record.add_flag(flag, f"page {page.number}: {page.error or flag.value}")
    return record


def error_record(portfolio_id: str, source: str, reason: str, reading: FileReading | None = None) -> EvidenceRecord:
    """The record a file gets when no document could be read from it: it says why."""
    record = EvidenceRecord(
        portfolio_id=portfolio_id,
        source=source,
        pages=[1],
        confidence=0.0,
        text_source=TextSource.ocr if reading and reading.kind.is_image else TextSource.text_layer,
        doc_id=make_doc_id(portfolio_id, source, "error"),
        file_sha256=reading.sha256 if reading else None,
        error=reason,
    )
    flags = list(reading.flags) if reading else []
    if not flags or not ({Flag.unreadable, Flag.encrypted} & set(flags)):
        flags.append(Flag.unreadable)
    for flag in flags:
        record.add_flag(flag, reason)
    return record
