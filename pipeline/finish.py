"""The end of a batch: batch-wide checks, scoring, and every output file."""

from __future__ import annotations

import logging
from collections import Counter

from models import BatchReport, EvidenceRecord, FileResult, PortfolioInput, PortfolioSummary
from pipeline.config import Settings
from pipeline.output import EVIDENCE, PORTFOLIOS, write_jsonl, write_thumbnails
from pipeline.storage import Storage

log = logging.getLogger(__name__)

DUPLICATE_INDEX = ".index/duplicates.jsonl"


def stray_records(stray: list[str]) -> list[EvidenceRecord]:
    """Files lying at the batch root belong to no portfolio; they still get a record saying so."""
    from pipeline.records import error_record

    return [error_record("", key, "file is not inside a portfolio folder") for key in stray]


def finish_batch(
    portfolios: list[PortfolioInput],
    results: list[FileResult],
    extra_records: list[EvidenceRecord],
    out: Storage,
    settings: Settings,
    index_storage: Storage | None = None,
) -> tuple[list[EvidenceRecord], list[PortfolioSummary]]:
    from pipeline.checks import DuplicateIndex, check_batch
    from pipeline.reports import write_reports
    from pipeline.scoring import score_portfolio

    # Order records as the batch is laid out, whatever order the workers finished in.
    results = sorted(results, key=lambda r: (r.portfolio_id, r.source))
    records = [rec for result in results for rec in result.records] + extra_records
    index_store = index_storage or out
    index = DuplicateIndex.load(index_store, DUPLICATE_INDEX)
    check_batch(records, index)
    index.save()

    by_portfolio: dict[str, list[EvidenceRecord]] = {}
    for rec in records:
        by_portfolio.setdefault(rec.portfolio_id, []).append(rec)
    summaries = [score_portfolio(p, by_portfolio.get(p.portfolio_id, []), settings.edition) for p in portfolios]

    thumbnails = {doc_id: jpeg for result in results for doc_id, jpeg in result.thumbnails.items()}
    write_thumbnails(out, thumbnails)
    write_jsonl(out, EVIDENCE, records)
    write_jsonl(out, PORTFOLIOS, summaries)
    write_reports(out, summaries, records, thumbnails)
    return records, summaries


def batch_report(
    batch_url: str,
    out_url: str,
    portfolios: list[PortfolioInput],
    results: list[FileResult],
    records: list[EvidenceRecord],
    summaries: list[PortfolioSummary],
    seconds: float,
) -> BatchReport:
    flags = Counter(flag.value for rec in records for flag in rec.flags)
    return BatchReport(
        batch=batch_url,
        out=out_url,
        portfolios=len(portfolios),
        files=len(results),
        files_cached=sum(1 for r in results if r.stats.cached),
        documents=sum(1 for rec in records if rec.error is None),
        error_records=sum(1 for rec in records if rec.error is not None),
        pages=sum(r.stats.pages for r in results),
        pages_ocr=sum(r.stats.pages_ocr for r in results),
        flags=dict(sorted(flags.items())),
        verdicts=dict(Counter(s.verdict.value for s in summaries)),
        seconds=round(seconds, 2),
    )
