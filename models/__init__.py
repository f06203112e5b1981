"""Pydantic models at the pipeline's boundaries: manifest, pages, documents, evidence and summaries."""

from models.document import Document
from models.enums import (
    Achiever,
    Activity,
    Category,
    DocType,
    FileKind,
    Flag,
    Level,
    OrganizationType,
    Position,
    Result,
    TextSource,
    Verdict,
)
from models.evidence import DocumentFields, EvidenceRecord
from models.manifest import Applicant, Manifest, Period
from models.page import FileReading, Page, Word
from models.portfolio import IndicatorScore, PortfolioInput, PortfolioSummary
from models.result import BatchReport, FileResult, FileStats

__all__ = [
    "Achiever",
    "Activity",
    "Applicant",
    "BatchReport",
    "Category",
    "DocType",
    "Document",
    "DocumentFields",
    "EvidenceRecord",
    "FileKind",
    "FileReading",
    "FileResult",
    "FileStats",
    "Flag",
    "IndicatorScore",
    "Level",
    "Manifest",
    "OrganizationType",
    "Page",
    "Period",
    "PortfolioInput",
    "PortfolioSummary",
    "Position",
    "Result",
    "TextSource",
    "Verdict",
    "Word",
]
