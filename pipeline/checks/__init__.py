"""Verification: every contract flag, each with a reason stored in the record's flag_reasons."""

from pipeline.checks.document import check_document
from pipeline.checks.duplicates import DuplicateIndex, check_batch

__all__ = ["DuplicateIndex", "check_batch", "check_document"]
