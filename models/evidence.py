"""The evidence record: one per document found (shared/contract.md, Output: evidence records).

Contract fields keep their names and enums verbatim; fields after the contract block are our additions.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from models.enums import Achiever, Activity, DocType, Flag, Level, Result, TextSource


class ContractDocumentFields(BaseModel):
    """The contract fields that describe a document's content (shared/contract.md, evidence records)."""

    doc_type: DocType = DocType.other
    activity: Activity | None = None
    achiever: Achiever | None = None
    person_name: str | None = None
    supervisor_name: str | None = None
    event_name: str | None = None
    approved_list_id: str | None = None
    level: Level = Level.unknown
    result: Result | None = None
    place: int | None = None
    issued_on: str | None = None  # YYYY-MM-DD
    issuer: str | None = None
    hours: int | None = None


class DocumentFields(ContractDocumentFields):
    """What the classifiers and field extractors read off one document's text."""

    # Our additions, used by checks and scoring.
    language: str | None = None  # "ru" | "kk" | "mixed"
    event_dates: list[str] = Field(default_factory=list)  # other dates printed (event held on …)
    organizer_url: str | None = None  # a website named as organiser
    commercial_signals: list[str] = Field(default_factory=list)  # wording that suggests a paid contest
    programme: str | None = None  # course programme title (to count a programme once)
    coauthors: int | None = None  # authors of a publication / material, when printed
    field_confidence: dict[str, float] = Field(default_factory=dict)  # per-field 0..1


class EvidenceRecord(ContractDocumentFields):
    model_config = ConfigDict(use_enum_values=False)

    # --- contract fields (shared/contract.md); the document's own are inherited ---
    portfolio_id: str
    source: str
    pages: list[int]
    indicator: str | None = None
    points: float | None = None
    flags: list[Flag] = Field(default_factory=list)
    confidence: float = 0.0
    text_source: TextSource = TextSource.text_layer
    ocr_confidence: float | None = None
    # --- additions ---
    doc_id: str = ""  # unique in the batch: hash of portfolio/source + page range, e.g. "1a2b…-p1-2"
    flag_reasons: dict[str, str] = Field(default_factory=dict)  # flag → human-readable reason
    error: str | None = None  # set on error records: why nothing could be read
    language: str | None = None
    file_sha256: str | None = None
    text_hash: str | None = None  # hash of the normalised text (duplicate detection)
    text_minhash: list[int] = Field(default_factory=list)  # word-pair MinHash of the whole text (older indexes)
    text_shingles: list[int] = Field(default_factory=list)  # smallest hashes of its letter shingles (duplicates)
    text_mentions: list[str] = Field(default_factory=list)  # salted digests of the names it prints (duplicates)
    image_hashes: list[str] = Field(default_factory=list)  # perceptual hashes of the pages
    counted: bool | None = None  # set by scoring: whether these points count toward the total
    not_counted_reason: str | None = None
    text_excerpt: str | None = None  # first characters of the text, for reviewers (IINs masked)
    extra: dict[str, object] = Field(default_factory=dict)  # other extracted fields (event dates, …)

    @model_serializer(mode="wrap")
    def _contract_order(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Where a record comes from reads first in the JSONL, as in the contract's table.
        data = handler(self)
        return {key: data[key] for key in ("portfolio_id", "source", "pages") if key in data} | data

    def add_flag(self, flag: Flag, reason: str) -> None:
        if flag not in self.flags:
            self.flags.append(flag)
        self.flag_reasons.setdefault(flag.value, reason)

    def to_json_line(self) -> str:
        return self.model_dump_json(by_alias=True)
