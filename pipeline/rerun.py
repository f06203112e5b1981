"""A re-run with nothing left to screen is finished here, without Prefect.

When every file of the batch already has its result in the cache (the same bytes, manifest, settings and code
version: pipeline/cache.py), a re-run has nothing to orchestrate. What is left is the batch-wide step (duplicates,
scoring, outputs), a plain function. Starting Prefect for it would cost more than the step itself: its local
server boots in ≈ 7 s here, while the step takes ≈ 1 s for the sample batch. The lookup stops at the first
file that is missing. A batch with work left is then handed to the flow, and only that one file is read twice.
"""

from __future__ import annotations

import time

from models import BatchReport, FileResult
from pipeline.cache import run_settings
from pipeline.config import Settings
from pipeline.finish import batch_report, finish_batch, stray_records
from pipeline.ingest import discover
from pipeline.storage import open_storage
from pipeline.work import known_result


def finish_from_cache(batch_url: str, out_url: str, settings: Settings) -> BatchReport | None:
    """The batch finished from cached results alone; None when some file still has to be screened (or the
    cache is off)."""
    settings = run_settings(out_url, settings)
    if not settings.cache:
        return None
    started = time.perf_counter()
    batch, out = open_storage(batch_url), open_storage(out_url)
    portfolios, stray = discover(batch)
    results: list[FileResult] = []
    for portfolio in portfolios:
        for source in portfolio.files:
            result = known_result(batch_url, portfolio.portfolio_id, source, portfolio.manifest, settings)
            if result is None:
                return None
            results.append(result)
    records, summaries = finish_batch(portfolios, results, stray_records(stray), out, settings)
    return batch_report(batch_url, out_url, portfolios, results, records, summaries, time.perf_counter() - started)
