from __future__ import annotations

from models import Document, DocumentFields, FileKind, FileReading, Flag, Page, TextSource
from models.enums import DocType, Level
from pipeline.privacy import mask_iin
from pipeline.records import build_record, error_record


def test_mask_iin_masks_twelve_digit_runs_only() -> None:
    assert mask_iin("ИИН 850101400123, тел. 87011234567") == "ИИН ••••••••••••, тел. 87011234567"


def test_build_record_copies_fields_flags_and_masks_the_excerpt() -> None:
    page = Page(number=2, text="ДИПЛОМ ИИН 850101400123", text_source=TextSource.ocr, ocr_confidence=80.0)
    page.flags.append(Flag.low_ocr_confidence)
    doc = Document(
        portfolio_id="p1",
        source="a.jpg",
        file_kind=FileKind.jpeg,
        file_sha256="ab" * 32,
        pages=[page],
        flags=[Flag.not_pdf],
        flag_reasons={"not_pdf": "file is a JPEG image"},
    )
    fields = DocumentFields(doc_type=DocType.diploma, level=Level.region, field_confidence={"doc_type": 1.0})
    rec = build_record(doc, fields)
    assert rec.pages == [2] and rec.doc_type is DocType.diploma and rec.level is Level.region
    assert rec.text_source is TextSource.ocr and rec.ocr_confidence == 80.0
    assert rec.flags == [Flag.not_pdf, Flag.low_ocr_confidence]
    assert rec.flag_reasons["not_pdf"] == "file is a JPEG image"
    assert "850101400123" not in (rec.text_excerpt or "")
    assert 0 < rec.confidence < 1


def test_error_record_keeps_the_reason_and_file_flags() -> None:
    reading = FileReading(source="x.pdf", kind=FileKind.pdf, sha256="cd" * 32, size=10, flags=[Flag.encrypted])
    rec = error_record("p1", "x.pdf", "PDF is encrypted (password required)", reading)
    assert rec.flags == [Flag.encrypted]
    assert rec.error == "PDF is encrypted (password required)"
    rec2 = error_record("p1", "y.bin", "unknown file kind")
    assert rec2.flags == [Flag.unreadable] and rec2.doc_id != rec.doc_id
