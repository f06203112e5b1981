"""Which Prefect task runner executes the per-file tasks: local threads by default, a Dask cluster on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.config import Settings

if TYPE_CHECKING:
    from prefect.task_runners import TaskRunner


class RunnerConfigError(RuntimeError):
    pass


def check_runner(settings: Settings) -> None:
    """Refuse a Dask run without a Prefect server: each Dask worker would start a temporary server of its own
    (≈ 20 s each, measured) on its own SQLite file, and the task runs would not be recorded with the flow run."""
    if not settings.dask_address:
        return
    from prefect.settings import get_current_settings  # here: a re-run finished from the cache never imports prefect

    if not get_current_settings().api.url:
        raise RunnerConfigError(
            "--dask-address needs a Prefect server that the flow and the Dask workers share: set PREFECT_API_URL "
            "(e.g. http://prefect-server:4200/api) here and in the workers' environment"
        )


def make_task_runner(settings: Settings) -> TaskRunner:
    check_runner(settings)
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        # Tasks are coarse (one per file, seconds each), so Dask's scheduling overhead does not matter; each task
        # opens the batch and the cache by URL on the worker, with the worker's own MINIO_* credentials.
        return DaskTaskRunner(address=settings.dask_address)
    from prefect.task_runners import ThreadPoolTaskRunner

    # Threads, not processes: the heavy work (Tesseract) already runs in its own subprocess per page, and a
    # thread task costs ≈ 15 ms against ≈ 330 ms for Prefect's process pool.
    return ThreadPoolTaskRunner(max_workers=settings.workers)
