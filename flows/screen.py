"""The batch flow: discover portfolios, screen every file in parallel, then finish the batch."""

from __future__ import annotations

import time
from contextlib import nullcontext

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from flows.runners import make_task_runner
from models import BatchReport, FileResult, Manifest
from pipeline.config import Settings
from pipeline.finish import batch_report, finish_batch, stray_records
from pipeline.ingest import discover
from pipeline.progress import file_progress
from pipeline.storage import open_storage
from pipeline.work import screen_stored_file


@task(name="screen-file", cache_policy=NO_CACHE, persist_result=False, retries=2, retry_delay_seconds=[2, 10])
def screen_file_task(
    batch_url: str, portfolio_id: str, source: str, manifest: Manifest | None, settings: Settings
) -> FileResult:
    # Retries cover transient storage errors; bad input never raises (it becomes an error record).
    return screen_stored_file(batch_url, portfolio_id, source, manifest, settings)


@flow(name="screen-batch", validate_parameters=False)
def screen_batch(
    batch_url: str, out_url: str, settings: Settings | None = None, show_progress: bool = False
) -> BatchReport:
    settings = settings or Settings()
    started = time.perf_counter()
    batch, out = open_storage(batch_url), open_storage(out_url)
    portfolios, stray = discover(batch)
    futures = [
        screen_file_task.submit(batch_url, p.portfolio_id, source, p.manifest, settings)
        for p in portfolios
        for source in p.files
    ]
    results: list[FileResult] = []
    with file_progress(len(futures)) if show_progress else nullcontext() as bar:
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            if bar is not None:
                bar.advance(f"{result.portfolio_id}/{result.source}")
    records, summaries = finish_batch(portfolios, results, stray_records(stray), out, settings)
    return batch_report(batch_url, out_url, portfolios, results, records, summaries, time.perf_counter() - started)


def run_screen_batch(batch_url: str, out_url: str, settings: Settings, show_progress: bool = False) -> BatchReport:
    """Run the flow with the task runner the settings ask for (threads here, Dask at scale)."""
    runner = make_task_runner(settings)
    return screen_batch.with_options(task_runner=runner)(batch_url, out_url, settings, show_progress)
