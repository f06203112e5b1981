"""Our pipeline, measured: each run is `python -m bench.child` in its own process, timed from outside as well."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    name: str
    batch: Path
    out: Path
    workers: int
    cache_dir: Path | None  # None: --no-cache
    low_ocr_confidence: float | None = None  # set: a result setting changed, so every file's result misses


def child_env(prefect_home: Path, api_url: str | None) -> dict[str, str]:
    """The environment of every measured process: this checkout first on the path, Prefect's home of our own.

    A home of our own keeps the runs off ~/.prefect's database, which other work on the machine writes to (SQLite
    locks would show up as noise in the timings). `api_url` set: use that Prefect server instead of local mode.
    """
    env = dict(os.environ, PYTHONPATH=str(REPO), PREFECT_HOME=str(prefect_home))
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def warm_up(env: dict[str, str], log: Path) -> float:
    """Start Prefect once, untimed: the first start in a new home creates its database (≈ 6 s more), which a user
    pays once, not on every run."""
    started = time.perf_counter()
    with log.open("w") as sink:
        subprocess.run(
            [sys.executable, "-m", "bench.child", "--warm-up"], env=env, cwd=REPO, stdout=sink, stderr=sink, check=True
        )
    return round(time.perf_counter() - started, 2)


def run_pipeline(run: Run, env: dict[str, str], work: Path) -> dict[str, Any]:
    """Run once and return the child's figures plus the wall time of the whole command and what follows from it."""
    work.mkdir(parents=True, exist_ok=True)
    result = work / f"{run.name}.json"
    args = [
        sys.executable,
        "-m",
        "bench.child",
        str(run.batch),
        str(run.out),
        str(result),
        "--workers",
        str(run.workers),
    ]
    if run.cache_dir is not None:
        args += ["--cache-dir", str(run.cache_dir)]
    if run.low_ocr_confidence is not None:
        args += ["--low-ocr-confidence", str(run.low_ocr_confidence)]
    load = os.getloadavg()[0]  # the machine is shared: a busy start explains a slow figure
    started = time.perf_counter()
    with (work / f"{run.name}.log").open("w") as log:
        done = subprocess.run(args, env=env, cwd=REPO, stdout=log, stderr=log, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"bench run {run.name} failed ({done.returncode}): see {work / run.name}.log")
    figures: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    pages, flow_s, run_s = int(figures["pages"]), float(figures["flow_s"]), float(figures["run_s"])
    cpu = float(figures["cpu_s"]) + float(figures["children_cpu_s"])
    figures.update(
        name=run.name,
        evidence=str(run.out / "evidence.jsonl"),
        load_avg_1m=round(load, 2),
        wall_s=round(wall, 2),  # the whole command: interpreter, imports, Prefect's start and stop, the flow
        startup_s=round(wall - flow_s, 2),  # everything in the command that is not the flow
        prefect_s=round(run_s - flow_s, 2),  # Prefect's own start-up and bookkeeping around the flow
        cpu_s_per_page=round(cpu / pages, 3) if pages else None,  # the flow process and its Tesseracts
        cores_used=round(cpu / run_s, 2) if run_s > 0 else None,  # what the machine gave the run
        pages_per_s=round(pages / flow_s, 3) if flow_s > 0 else None,  # excluding start-up
        pages_per_s_end_to_end=round(pages / wall, 3),  # including it
    )
    return figures
