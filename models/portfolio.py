"""Portfolio-level inputs and the summary record (shared/contract.md, Output: portfolio summaries)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from models.enums import Category, Position, Verdict
from models.manifest import Manifest


class PortfolioInput(BaseModel):
    """One portfolio folder as discovered in a batch."""

    portfolio_id: str
    manifest: Manifest | None = None
    manifest_error: str | None = None  # portfolio.json present but invalid
    files: list[str] = Field(default_factory=list)  # storage keys relative to the portfolio folder


class IndicatorScore(BaseModel):
    code: str
    title: str = ""
    points: float = 0.0
    required_level: str | None = None
    rule: str = ""  # the rule that gave the points, for the reviewer
    evidence: list[str] = Field(default_factory=list)  # doc_ids that earned the points
    not_counted: dict[str, str] = Field(default_factory=dict)  # doc_id → why not counted


class PortfolioSummary(BaseModel):
    # --- contract fields ---
    portfolio_id: str
    applicant: str | None = None  # the applicant's full name (IIN never written here)
    position: Position | None = None
    claimed_category: Category | None = None
    indicators: dict[str, float] = Field(default_factory=dict)
    total: float = 0.0
    threshold: float | None = None
    verdict: Verdict = Verdict.needs_review
    flags_count: int = 0
    # --- additions ---
    edition: str | None = None
    not_assessed: list[str] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    indicator_details: list[IndicatorScore] = Field(default_factory=list)
    documents: int = 0
    files: int = 0
