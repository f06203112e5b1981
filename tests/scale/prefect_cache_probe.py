"""Measures Prefect's task caching + result persistence against our result store (pipeline.cache).

Not a test: `PYTHONPATH=. python -m tests.scale.prefect_cache_probe [N]` prints per-task milliseconds. It backs
the choice explained in pipeline/cache.py's docstring. Uses the Prefect API configured (PREFECT_API_URL, or
the ephemeral server, whose start-up is left out of the timings).
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.filesystems import LocalFileSystem
from prefect.task_runners import ThreadPoolTaskRunner

import flows  # noqa: F401  (Prefect defaults)
from models import EvidenceRecord, FileResult
from pipeline.cache import ResultCache
from pipeline.storage import LocalStorage


def payload(i: int) -> FileResult:
    """A FileResult of the usual size: two records and a ≈ 20 KB thumbnail each."""
    records = [EvidenceRecord(portfolio_id="P1", source=f"{i}.pdf", pages=[n], text_excerpt="х" * 400) for n in (1, 2)]
    thumbs = {f"{i}-{n}": hashlib.sha256(f"{i}{n}".encode()).digest() * 640 for n in (1, 2)}
    return FileResult(portfolio_id="P1", source=f"{i}.pdf", records=records, thumbnails=thumbs)


@task(cache_policy=NO_CACHE, persist_result=False)
def plain(i: int) -> FileResult:
    return payload(i)


def run_batch(task_fn, n: int) -> float:  # type: ignore[no-untyped-def]
    @flow(task_runner=ThreadPoolTaskRunner(max_workers=2))
    def batch() -> float:
        started = time.perf_counter()
        futures = [task_fn.submit(i) for i in range(n)]
        for future in futures:
            future.result()
        return time.perf_counter() - started

    return batch()


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        storage = LocalFileSystem(basepath=str(Path(tmp) / "prefect-results"))
        storage.save("probe-results", overwrite=True)  # Prefect refuses result storage not saved in its API
        persisted = task(
            cache_key_fn=lambda _ctx, params: f"probe-{params['i']}",
            persist_result=True,
            result_storage=storage,
        )(payload)
        run_batch(plain, 4)  # warm-up: imports, the ephemeral server, the thread pool
        t_plain = run_batch(plain, n)
        t_persist = run_batch(persisted, n)
        t_prefect_cached = run_batch(persisted, n)
        cache = ResultCache(LocalStorage(Path(tmp) / "ours"))
        started = time.perf_counter()
        for i in range(n):
            cache.put(f"{i:064x}", payload(i))
        t_put = time.perf_counter() - started
        started = time.perf_counter()
        for i in range(n):
            assert cache.get(f"{i:064x}") is not None
        t_get = time.perf_counter() - started
    ms = 1000 / n
    print(f"{n} tasks, ms per task (2 threads):")
    print(f"  plain Prefect task (no cache, no persistence) {t_plain * ms:7.1f}")
    print(f"  Prefect cache_key_fn + persist_result, first  {t_persist * ms:7.1f}")
    print(f"  Prefect cache_key_fn + persist_result, cached {t_prefect_cached * ms:7.1f}")
    print(f"  ours: write one entry (fsync + rename)        {t_put * ms:7.1f}")
    print(f"  ours: read one entry                          {t_get * ms:7.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
