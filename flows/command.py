"""`portfolio-screen run` after its options are parsed: check the configuration, then finish or run the batch.

Shared by the CLI and the benchmark (bench/child.py), which measures exactly what a user's command does.
"""

from __future__ import annotations

from flows.local_server import LocalServer
from flows.runners import check_runner
from models import BatchReport
from pipeline.config import Settings
from pipeline.pool import warm_up
from pipeline.rerun import finish_from_cache
from pipeline.storage import open_storage


def run_command(
    batch_url: str, out_url: str, settings: Settings, show_progress: bool, server: LocalServer | None
) -> BatchReport:
    """Screen the batch. `server`: the local-mode Prefect server started at the command's first line (its caller
    stops it). Raises RunnerConfigError or S3ConfigError before any work when the configuration is wrong."""
    check_runner(settings)
    for url in (batch_url, out_url, settings.cache_dir or ""):
        if url.startswith("s3://"):
            open_storage(url)  # a missing endpoint or credential: one clear error now
    if (report := finish_from_cache(batch_url, out_url, settings)) is not None:
        return report
    if not settings.dask_address:
        warm_up(settings.workers)  # the pool's processes load their models while Prefect starts
    from flows.screen import run_screen_batch  # imports prefect: only when there is work to orchestrate

    return run_screen_batch(batch_url, out_url, settings, show_progress, server=server)
