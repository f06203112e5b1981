"""The result of screening one input file: the unit the flow schedules, the cache stores and resume reuses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from models.evidence import EvidenceRecord


class FileStats(BaseModel):
    pages: int = 0
    pages_ocr: int = 0
    seconds: float = 0.0
    cached: bool = False  # loaded from the result cache (pipeline.cache) instead of screened
    # False when the result depends on the moment rather than the file (an OCR time-out on a loaded machine, an
    # internal error): such a result is used for this run but not cached, so a re-run tries the file again.
    cacheable: bool = True


class FileResult(BaseModel):
    # Thumbnails are JPEG bytes: base64 in JSON (the result cache stores FileResults as JSON).
    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    portfolio_id: str
    source: str
    records: list[EvidenceRecord]  # per-document records before batch-wide checks and scoring
    thumbnails: dict[str, bytes] = Field(default_factory=dict)  # doc_id → small JPEG of the first page
    stats: FileStats = Field(default_factory=FileStats)


class BatchReport(BaseModel):
    """What a batch run did, for the closing summary table and the benchmark."""

    batch: str
    out: str
    portfolios: int = 0
    files: int = 0
    files_cached: int = 0
    documents: int = 0
    error_records: int = 0
    pages: int = 0
    pages_ocr: int = 0
    flags: dict[str, int] = Field(default_factory=dict)
    verdicts: dict[str, int] = Field(default_factory=dict)
    seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return round(self.pages / self.seconds, 2) if self.seconds else 0.0
