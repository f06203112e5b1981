"""The batch flow: discover portfolios, screen every file in parallel, then finish the batch.

One flow for every way of running: the CLI calls it in-process, a Prefect deployment runs it on a work-pool
worker (`flows/deploy.py`). The settings say where the per-file tasks run (threads here, or a Dask cluster), so
a deployment's parameters choose the runner as the CLI's options do.
"""

from __future__ import annotations

import time
from contextlib import nullcontext

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from flows.runners import make_task_runner
from models import BatchReport, FileResult, Manifest
from pipeline.cache import cache_url_for
from pipeline.config import Settings
from pipeline.finish import batch_report, finish_batch, stray_records
from pipeline.ingest import discover
from pipeline.pool import shutdown as shutdown_pools
from pipeline.progress import file_progress
from pipeline.storage import open_storage
from pipeline.work import screen_stored_file


# No Prefect caching or result persistence: pipeline.cache is our result store (its docstring says why).
@task(name="screen-file", cache_policy=NO_CACHE, persist_result=False, retries=2, retry_delay_seconds=[2, 10])
def screen_file_task(
    batch_url: str, portfolio_id: str, source: str, manifest: Manifest | None, settings: Settings
) -> FileResult:
    # Retries cover storage errors that outlast the per-operation retries (pipeline.retry); bad input never
    # raises (it becomes an error record), and a file cached before the failure is not screened again.
    return screen_stored_file(batch_url, portfolio_id, source, manifest, settings)


def run_settings(out_url: str, settings: Settings | dict | None) -> Settings:
    """The settings the tasks get: a deployment passes a JSON dict; the cache location is resolved here, once."""
    if isinstance(settings, dict):
        settings = Settings(**settings)  # the flow process's PS_* environment, overridden by the parameters
    settings = settings or Settings()
    cache_url = cache_url_for(out_url, settings)
    return settings.model_copy(update={"cache_dir": cache_url, "cache": cache_url is not None})


@flow(name="screen-batch", validate_parameters=False)
def screen_batch(
    batch_url: str, out_url: str, settings: Settings | dict | None = None, show_progress: bool = False
) -> BatchReport:
    settings = run_settings(out_url, settings)
    started = time.perf_counter()
    batch, out = open_storage(batch_url), open_storage(out_url)
    portfolios, stray = discover(batch)
    results: list[FileResult] = []
    # The runner is entered here rather than fixed on the decorator, so the settings (a CLI option or a
    # deployment parameter) choose threads or Dask without a second flow.
    with make_task_runner(settings) as runner:
        futures = [
            runner.submit(
                screen_file_task,
                parameters={
                    "batch_url": batch_url,
                    "portfolio_id": p.portfolio_id,
                    "source": source,
                    "manifest": p.manifest,
                    "settings": settings,
                },
            )
            for p in portfolios
            for source in p.files
        ]
        with file_progress(len(futures)) if show_progress else nullcontext() as bar:
            for future in as_completed(futures):
                result = future.result()
                results.append(result)
                if bar is not None:
                    bar.advance(f"{result.portfolio_id}/{result.source}")
    records, summaries = finish_batch(portfolios, results, stray_records(stray), out, settings)
    return batch_report(batch_url, out_url, portfolios, results, records, summaries, time.perf_counter() - started)


def run_screen_batch(batch_url: str, out_url: str, settings: Settings, show_progress: bool = False) -> BatchReport:
    """Run the flow in this process (the CLI's `run`); the screening processes stop with it."""
    try:
        return screen_batch(batch_url, out_url, settings, show_progress)
    finally:
        shutdown_pools()
