"""Screening in worker processes: the same result as in-process, and a killed process costs one error record."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from models import Manifest
from pipeline import pool
from pipeline.config import Settings
from pipeline.screen_file import screen_file

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "batch"
SETTINGS = Settings(workers=2, cache=False)


def _manifest(pid: str) -> Manifest:
    return Manifest.model_validate_json((SAMPLE / pid / "portfolio.json").read_bytes())


@pytest.mark.slow
def test_a_worker_process_gives_the_in_process_result() -> None:
    data = (SAMPLE / "P249-04" / "02_prikaz.pdf").read_bytes()
    try:
        pooled = pool.screen_in_pool("P249-04", "02_prikaz.pdf", data, _manifest("P249-04"), SETTINGS)
    finally:
        pool.shutdown()
    inline = screen_file("P249-04", "02_prikaz.pdf", data, _manifest("P249-04"), SETTINGS)
    for record in (*pooled.records, *inline.records):
        record.extra.pop("timings", None)
    assert [r.model_dump() for r in pooled.records] == [r.model_dump() for r in inline.records]
    assert pooled.thumbnails == inline.thumbnails


def _workers() -> list[int]:
    """The pool's screening processes (not its forkserver or resource tracker)."""
    executor = pool._pools.get(SETTINGS.workers)
    return list(executor._processes) if executor is not None else []


@pytest.mark.slow
def test_a_killed_worker_process_costs_the_file_an_error_record_not_the_run() -> None:
    data = (SAMPLE / "P249-02" / "01_protokol.pdf").read_bytes()  # a scan: the worker is busy for a while

    def kill_when_started() -> None:
        deadline = time.monotonic() + 60
        while not _workers() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # the worker is still importing spaCy and pymorphy3 then, long before the scan is read
        for pid in _workers():
            _kill(pid)

    killer = threading.Thread(target=kill_when_started)
    try:
        killer.start()
        result = pool.screen_in_pool("P249-02", "01_protokol.pdf", data, _manifest("P249-02"), SETTINGS)
        killer.join()
        assert len(result.records) == 1 and result.records[0].error and "died" in result.records[0].error
        assert not result.stats.cacheable
        again = pool.screen_in_pool("P249-02", "01_protokol.pdf", data, _manifest("P249-02"), SETTINGS)
        assert again.records[0].error is None and again.records[0].doc_type.value == "protocol_extract"
    finally:
        pool.shutdown()


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
