"""Classifiers and field rules: document type, activity, level, result, names, dates, approved-list matching."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from models import Document, DocumentFields


def extract_fields(document: Document, applicant: str | None = None, not_after: date | None = None) -> DocumentFields:
    # Imported on call: extractors.fields and classifiers share the lexicon loader, so an eager import would cycle.
    from classifiers.fields import extract_fields as _extract

    return _extract(document, applicant, not_after)


__all__ = ["extract_fields"]
