"""One measured pipeline run, in a process of its own: what `portfolio-screen run` does, plus timings and memory.

python -m bench.child BATCH OUT RESULT.json --workers N [--cache-dir DIR | (no cache)] [--low-ocr-confidence X]
python -m bench.child --warm-up      # start Prefect once so its database exists before anything is timed

A process per run because that is how a user runs it (Prefect's local server starts with every command) and
because a process's peak RSS (VmHWM) covers its whole life: one run per process gives each run its own. The
settings are built as the CLI builds them (`load_settings`) and the batch is run as the CLI runs it (`run_command`:
Prefect's local server started first, a re-run with nothing to screen finished without it); the CLI would only add
its summary table, and it does not hand back the BatchReport.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import typer

import flows  # noqa: F401  (sets Prefect's embedded defaults; imports no prefect itself)
from bench.procfs import Descendants, peak_rss_mib


def _warm_up() -> None:
    from prefect import flow

    @flow(name="bench-warm-up")
    def nothing() -> None:
        return None

    nothing()


def main(
    batch: str = typer.Argument(""),
    out: str = typer.Argument(""),
    result: Path = typer.Argument(Path("result.json")),
    workers: int = typer.Option(2),
    cache_dir: str | None = typer.Option(None, help="result and page-OCR cache; none: --no-cache"),
    low_ocr_confidence: float | None = typer.Option(None, help="a result setting: changes every file's cache key"),
    warm_up: bool = typer.Option(False, "--warm-up"),
) -> None:
    if warm_up:
        _warm_up()
        return
    started = time.perf_counter()
    from flows.local_server import start_if_local

    server = start_if_local()  # as the CLI does: before the imports, so the two start-ups overlap
    from flows.command import run_command
    from pipeline.config import load_settings

    settings = load_settings(
        workers=workers, cache=cache_dir is not None, cache_dir=cache_dir, low_ocr_confidence=low_ocr_confidence
    )
    imported, cpu = time.perf_counter(), os.times()
    # With 2+ workers files are screened in the pool's processes and Tesseract runs under them; with 1, Tesseract
    # runs under the task threads. In local mode Prefect's server is a child too (its CPU is not counted).
    try:
        with Descendants() as descendants:
            report = run_command(batch, out, settings, False, server)
    finally:
        if server is not None:
            server.stop()
    finished, cpu_end = time.perf_counter(), os.times()
    peaks = descendants.peaks
    payload = {
        "workers": workers,
        "cache": cache_dir is not None,
        "files": report.files,
        "files_cached": report.files_cached,
        "documents": report.documents,
        "error_records": report.error_records,
        "pages": report.pages,
        "pages_ocr": report.pages_ocr,
        "import_s": round(imported - started, 3),
        # The flow's own clock: discovery, every file, the batch-wide step and the reports; no Prefect start-up.
        "flow_s": report.seconds,
        "run_s": round(finished - imported, 3),  # run_command as called: the flow plus Prefect around it
        # CPU time is steadier than wall time on a shared machine. The descendants' is the pool's and Tesseract's.
        "cpu_s": round(cpu_end.user - cpu.user + cpu_end.system - cpu.system, 2),
        "children_cpu_s": descendants.cpu_s,
        "flow_process_peak_rss_mib": peak_rss_mib(),  # the process running the flow (and, with 1 worker, the files)
        "worker_peak_rss_mib": peaks.get("worker"),  # a screening pool process (2+ workers)
        "tesseract_peak_rss_mib": peaks.get("tesseract"),
        "children": descendants.summary(),  # every descendant by role: workers, Tesseract, Prefect's local server
    }
    result.write_text(json.dumps(payload, indent=1), encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
