"""A document found inside a file: a page range with its text and extracted fields."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

from models.enums import FileKind, Flag, TextSource
from models.evidence import DocumentFields
from models.page import Page


class Document(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    portfolio_id: str
    source: str
    file_kind: FileKind
    file_sha256: str
    pages: list[Page]
    flags: list[Flag] = Field(default_factory=list)  # inherited from the file (not_pdf, …)
    flag_reasons: dict[str, str] = Field(default_factory=dict)
    fields: DocumentFields = Field(default_factory=DocumentFields)

    @property
    def page_numbers(self) -> list[int]:
        return [p.number for p in self.pages]

    @property
    def text(self) -> str:
        return "\n\f\n".join(p.text for p in self.pages)

    @property
    def text_source(self) -> TextSource:
        return TextSource.ocr if any(p.text_source == TextSource.ocr for p in self.pages) else TextSource.text_layer

    @property
    def ocr_confidence(self) -> float | None:
        confs = [p.ocr_confidence for p in self.pages if p.ocr_confidence is not None]
        return round(sum(confs) / len(confs), 1) if confs else None

    @property
    def doc_id(self) -> str:
        nums = self.page_numbers
        return make_doc_id(self.portfolio_id, self.source, f"p{nums[0]}-{nums[-1]}" if nums else "p0")


def make_doc_id(portfolio_id: str, source: str, span: str) -> str:
    """Unique within a batch (the same scan reused in two portfolios gets two ids) and safe as a file name."""
    where = hashlib.sha256(f"{portfolio_id}/{source}".encode()).hexdigest()[:16]
    return f"{where}-{span}"
