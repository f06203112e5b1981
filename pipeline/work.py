"""One unit of parallel work, addressed by storage URL and key so any worker (thread, process, Dask) can run it.

The unit is one file: it is read once (streamed from the batch storage into this task only), looked up in the
result cache, screened if missing, and its result written to the cache at once — so a run killed at any moment
keeps every file finished before the kill.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from models import FileResult, Manifest, PortfolioInput
from pipeline.cache import ResultCache, result_key
from pipeline.config import Settings
from pipeline.pool import screen_in_pool
from pipeline.records import error_record
from pipeline.screen_file import screen_file
from pipeline.storage import Storage, open_storage

log = logging.getLogger(__name__)


def _oversize(batch: Storage, portfolio_id: str, source: str, settings: Settings) -> FileResult | None:
    size = batch.size(f"{portfolio_id}/{source}")
    if size <= settings.max_file_bytes:
        return None
    reason = f"file is {size / 2**20:.0f} MiB, over the {settings.max_file_bytes / 2**20:.0f} MiB limit"
    return FileResult(portfolio_id=portfolio_id, source=source, records=[error_record(portfolio_id, source, reason)])


def _open_cache(settings: Settings) -> ResultCache | None:
    return ResultCache.open(settings.cache_dir) if settings.cache and settings.cache_dir else None


def _cached(cache: ResultCache, cache_key: str) -> FileResult | None:
    try:
        return cache.get(cache_key)
    except Exception as exc:  # the cache only saves time: an unreachable store must not fail the file
        log.warning("result cache unavailable (%s: %s); screening %s", type(exc).__name__, exc, cache_key[:16])
        return None


@dataclass
class _ToScreen:
    """What screening a file needs once its result is known not to exist: its bytes, and where to keep the result."""

    data: bytes
    cache: ResultCache | None
    cache_key: str | None


def _look_up(
    batch_url: str, portfolio_id: str, source: str, manifest: Manifest | None, settings: Settings
) -> FileResult | _ToScreen:
    """The file's result when it is known without screening (the error record of a file over the size limit, or
    its cache entry), else what screening it needs."""
    batch = open_storage(batch_url)
    if (refused := _oversize(batch, portfolio_id, source, settings)) is not None:
        return refused
    data = batch.read_bytes(f"{portfolio_id}/{source}")
    cache = _open_cache(settings)
    if cache is None:
        return _ToScreen(data, None, None)
    cache_key = result_key(hashlib.sha256(data).hexdigest(), portfolio_id, source, manifest, settings)
    cached = _cached(cache, cache_key)
    return cached if cached is not None else _ToScreen(data, cache, cache_key)


def known_result(
    batch_url: str, portfolio_id: str, source: str, manifest: Manifest | None, settings: Settings
) -> FileResult | None:
    """The file's result without screening it; None when it has to be screened."""
    found = _look_up(batch_url, portfolio_id, source, manifest, settings)
    return found if isinstance(found, FileResult) else None


def screen_stored_file(
    batch_url: str, portfolio_id: str, source: str, manifest: Manifest | None, settings: Settings
) -> FileResult:
    """Screen `portfolio_id/source` of the batch; `settings.cache_dir` (when set) is the result cache to use."""
    found = _look_up(batch_url, portfolio_id, source, manifest, settings)
    if isinstance(found, FileResult):
        return found
    # Locally the file goes to a worker process (pipeline/pool.py); a Dask worker is one already.
    screen = screen_file if settings.dask_address else screen_in_pool
    result = screen(portfolio_id, source, found.data, manifest, settings)
    if found.cache is not None and found.cache_key is not None and result.stats.cacheable:
        try:
            found.cache.put(found.cache_key, result)
        except Exception as exc:  # the result is good; only a re-run loses it
            log.warning("result cache write failed (%s: %s) for %s", type(exc).__name__, exc, found.cache_key[:16])
    return result


def screen_stored_portfolios(batch_url: str, portfolios: list[PortfolioInput], settings: Settings) -> list[FileResult]:
    """Every listed file of these portfolios, in their order. Locally the files go to the pool side by side (a thread
    waits on each), so one task's files keep every pool process busy; a Dask worker screens them one after another."""
    pairs = [(p, source) for p in portfolios for source in p.files]

    def one(pair: tuple[PortfolioInput, str]) -> FileResult:
        portfolio, source = pair
        return screen_stored_file(batch_url, portfolio.portfolio_id, source, portfolio.manifest, settings)

    if settings.dask_address or settings.workers <= 1 or len(pairs) <= 1:
        return [one(pair) for pair in pairs]
    with ThreadPoolExecutor(max_workers=min(settings.workers, len(pairs))) as threads:
        return list(threads.map(one, pairs))
