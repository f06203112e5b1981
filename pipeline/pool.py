"""Screening in worker processes, so the local run uses every core for Python work too.

The flow's per-file tasks run in threads (a Prefect thread task costs ≈ 15 ms, a process task ≈ 330 ms), and
Tesseract runs in its own subprocess; but page preparation, the visual checks and field extraction are Python and
OpenCV under the GIL: the benchmark measured 1.28 CPU-s per scanned page in the flow process against 0.69 in
Tesseract, so two threads could not use two cores. Each thread task hands its file to a pool of `workers`
processes (started once, spaCy and pymorphy3 loaded once per process) and waits. On a Dask cluster the Dask
workers are the processes: there the file is screened in place.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from models import FileResult, Manifest
from pipeline.config import Settings
from pipeline.records import error_record
from pipeline.screen_file import screen_file

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    with _lock:
        if workers not in _pools:
            # forkserver, not fork: the flow process holds Prefect's threads and event loop, which a fork copies
            # half-way; children are forked from a clean server process instead.
            context = multiprocessing.get_context("forkserver")
            _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        return _pools[workers]


def _discard(workers: int, broken: ProcessPoolExecutor) -> None:
    with _lock:
        if _pools.get(workers) is broken:
            del _pools[workers]
    broken.shutdown(wait=False, cancel_futures=True)


def screen_in_pool(
    portfolio_id: str, source: str, data: bytes, manifest: Manifest | None, settings: Settings
) -> FileResult:
    """`screen_file` in one of the pool's processes; a dead process costs the file an error record, not the run."""
    if settings.workers <= 1:
        return screen_file(portfolio_id, source, data, manifest, settings)
    pool = _pool(settings.workers)
    try:
        return pool.submit(screen_file, portfolio_id, source, data, manifest, settings).result()
    except BrokenProcessPool as exc:
        log.error("a screening process died on %s/%s: %s", portfolio_id, source, exc)
        _discard(settings.workers, pool)
        reason = "internal error: the screening process died on this file (the run went on without it)"
        result = FileResult(
            portfolio_id=portfolio_id, source=source, records=[error_record(portfolio_id, source, reason)]
        )
        result.stats.cacheable = False
        return result


def _load_models() -> None:
    """What every file needs and loads on first use (≈ 2.4 s a process here): the field rules, both spaCy
    pipelines and, through them, pymorphy3's dictionaries."""
    from classifiers.fields import extract_fields  # noqa: F401
    from classifiers.nlp.pipelines import analyse

    analyse("Диплом награждается Иванова Мария Петровна, учитель школы № 5 г. Алматы", "ru")
    analyse("Алғыс хат Иванова Мария Петровнаға, № 5 мектеп мұғалімі", "kk")


def warm_up(workers: int) -> None:
    """Start the pool's processes and load their models now, without waiting: a command calls it while Prefect
    starts, so the first files do not pay for it. One call per process is not guaranteed (a fast process may take
    two), which only leaves one process to load on its first file."""
    if workers <= 1:
        return
    pool = _pool(workers)
    for _ in range(workers):
        pool.submit(_load_models)


def shutdown() -> None:
    """Stop the pools' processes (end of a run; they would otherwise outlive it idle until the interpreter exits)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True)
