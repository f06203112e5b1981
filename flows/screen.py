"""The batch flow: discover portfolios, screen every file in parallel, then finish the batch.

One flow for every way of running: the CLI calls it in-process, a Prefect deployment runs it on a work-pool
worker (`flows/deploy.py`). The settings say where the per-file tasks run (threads here, or a Dask cluster), so
a deployment's parameters choose the runner as the CLI's options do.
"""

from __future__ import annotations

import os
import time
from contextlib import AbstractContextManager, nullcontext

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

from flows.local_server import LocalServer
from flows.runners import make_task_runner
from models import BatchReport, FileResult, PortfolioInput
from pipeline.cache import run_settings
from pipeline.config import Settings
from pipeline.finish import batch_report, finish_batch, stray_records
from pipeline.ingest import discover
from pipeline.pool import shutdown as shutdown_pools
from pipeline.progress import file_progress
from pipeline.storage import open_storage
from pipeline.work import screen_stored_portfolios


# No Prefect caching or result persistence: pipeline.cache is our result store (its docstring says why).
@task(name="screen-files", cache_policy=NO_CACHE, persist_result=False, retries=2, retry_delay_seconds=[2, 10])
def screen_files_task(batch_url: str, portfolios: list[PortfolioInput], settings: Settings) -> list[FileResult]:
    # Retries cover storage errors that outlast the per-operation retries (pipeline.retry); bad input never
    # raises (it becomes an error record), and a file cached before the failure is not screened again.
    return screen_stored_portfolios(batch_url, portfolios, settings)


MIN_FILES_PER_TASK = 16


def task_units(portfolios: list[PortfolioInput], settings: Settings) -> list[list[PortfolioInput]]:
    """What one task screens: portfolios, each with the files of it that the task screens.

    Locally whole portfolios, grouped until a task holds at least MIN_FILES_PER_TASK files: each Prefect task costs
    the local server ≈ 50 ms of CPU on the cores the files need (measured: 13 s of a 260-file born-digital run
    whose files took 0.1 s each), and a born-digital file takes ≈ 0.04 s. On a Dask cluster a file: the server has
    a machine of its own there, and single files spread the load evenly over the workers. Either way each file is
    cached on its own, so a killed run resumes file by file."""
    if settings.dask_address:
        return [[p.model_copy(update={"files": [source]})] for p in portfolios for source in p.files]
    units: list[list[PortfolioInput]] = []
    held = MIN_FILES_PER_TASK  # files in the last unit: a full one starts the next
    for p in portfolios:
        if not p.files:
            continue
        if held >= MIN_FILES_PER_TASK:
            units.append([])
            held = 0
        units[-1].append(p)
        held += len(p.files)
    return units


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
                screen_files_task,
                parameters={"batch_url": batch_url, "portfolios": unit, "settings": settings},
            )
            for unit in task_units(portfolios, settings)
        ]
        files = sum(len(p.files) for p in portfolios)
        with file_progress(files) if show_progress else nullcontext() as bar:
            for future in as_completed(futures):
                done = future.result()
                results.extend(done)
                if bar is not None and done:
                    bar.advance(done[-1].portfolio_id, len(done))
    records, summaries = finish_batch(portfolios, results, stray_records(stray), out, settings)
    return batch_report(batch_url, out_url, portfolios, results, records, summaries, time.perf_counter() - started)


def run_screen_batch(
    batch_url: str, out_url: str, settings: Settings, show_progress: bool = False, server: LocalServer | None = None
) -> BatchReport:
    """Run the flow in this process (the CLI's `run`); the screening processes stop with it.

    `server`: the local-mode Prefect server the command started early (flows.local_server); used unless a Prefect
    profile names a server of its own.
    """
    try:
        api: AbstractContextManager[object] = nullcontext()
        if server is not None and not get_current_settings().api.url:
            timeout_s = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))
            api = temporary_settings(updates={PREFECT_API_URL: server.wait_ready(timeout_s)})
        with api:
            return screen_batch(batch_url, out_url, settings, show_progress)
    finally:
        shutdown_pools()
