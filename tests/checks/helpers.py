"""Building documents and records from rendered pages, for the checks' tests."""

from __future__ import annotations

from models import DocType, Document, EvidenceRecord, FileKind, FileReading, Page, TextSource, Word
from tests.checks.render import DPI, Rendered


def page_text(words: list[Word]) -> str:
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))


def scanned_document(pages: list[Rendered], conf: float = 91.0, source: str = "a.pdf") -> Document:
    built = [
        Page(
            number=i + 1,
            text=page_text(r.words),
            words=r.words,
            text_source=TextSource.ocr,
            ocr_confidence=conf,
            width=r.image.shape[1],
            height=r.image.shape[0],
            dpi=DPI,
            image=r.image,
        )
        for i, r in enumerate(pages)
    ]
    return Document(portfolio_id="p1", source=source, file_kind=FileKind.pdf, file_sha256="0" * 64, pages=built)


def record_for(document: Document, doc_type: DocType = DocType.diploma, **fields: object) -> EvidenceRecord:
    return EvidenceRecord(
        portfolio_id=document.portfolio_id,
        source=document.source,
        pages=document.page_numbers,
        doc_type=doc_type,
        text_source=document.text_source,
        ocr_confidence=document.ocr_confidence,
        text_excerpt=" ".join(document.text.split())[:400],
        file_sha256=document.file_sha256,
        **fields,
    )


def reading_for(document: Document, **metadata: str) -> FileReading:
    return FileReading(
        source=document.source, kind=FileKind.pdf, sha256=document.file_sha256, size=1, metadata=metadata
    )
