"""The compose stack's topology without Docker: S3 in and out, a Prefect server on PostgreSQL, a 2-worker Dask
cluster, the deployment served by a work-pool worker; and a local run killed with SIGKILL, then resumed."""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import time
from pathlib import Path

import psycopg2
import pytest

from pipeline.storage import open_storage
from tests.scale.conftest import (
    BIN,
    PG_ADMIN,
    SAMPLE,
    SUBSET,
    TRUTH,
    PrefectServer,
    portfolio_screen,
    read_jsonl,
    start,
    stop,
    subset_batch,
)

pytestmark = [pytest.mark.services, pytest.mark.slow]

FIELDS = ("doc_type", "level", "result", "place", "issued_on", "person_name", "hours", "approved_list_id")


def _input_files() -> list[str]:
    return sorted(p.name for p in (SAMPLE / SUBSET).iterdir() if p.is_file() and p.name != "portfolio.json")


def _assert_same_records(got: list[dict], want: list[dict]) -> None:
    """Exactly one record per document, and the same records: nothing lost, nothing doubled, nothing different."""
    keys = [(r["portfolio_id"], r["source"], tuple(r["pages"])) for r in got]
    assert len(keys) == len(set(keys)), "a document has two records"
    assert keys == [(r["portfolio_id"], r["source"], tuple(r["pages"])) for r in want]
    assert got == want


def _truth_matches(records: list[dict]) -> int:
    truth = {(t["portfolio_id"], t["source"], t["pages"][0]): t for t in read_jsonl(TRUTH.read_bytes())}
    matched = 0
    for rec in records:
        expected = truth.get((rec["portfolio_id"], rec["source"], rec["pages"][0]))
        if expected and all(rec[f] == expected[f] for f in FIELDS):
            matched += 1
    return matched


def test_batch_from_s3_to_s3_through_the_deployment_on_dask(
    service_env: dict,
    prefect_server: PrefectServer,
    dask_cluster: object,
    reference_run: dict[str, list[dict]],
    tmp_path: Path,
) -> None:
    bucket = f"season-{secrets.token_hex(3)}"
    batch_url, out_url = f"s3://{bucket}/inbox/2025", f"s3://{bucket}-results/2025"
    batch = open_storage(batch_url)
    for path in sorted((SAMPLE / SUBSET).iterdir()):
        batch.write_bytes(f"{SUBSET}/{path.name}", path.read_bytes())

    # The worker's environment says where the cluster is, as in docker-compose.yml.
    scheduler = dask_cluster.scheduler_address  # type: ignore[attr-defined]
    env = service_env | {"PS_DASK_ADDRESS": scheduler, "PREFECT_WORKER_QUERY_SECONDS": "1"}
    pool = f"pool-{secrets.token_hex(3)}"
    deployed = portfolio_screen(["deploy", "--pool", pool, "--name", "ci"], env, timeout=120)
    assert deployed.returncode == 0, deployed.stderr[-3000:]
    worker_log = tmp_path / "worker.log"
    worker = start([str(BIN / "prefect"), "worker", "start", "--pool", pool, "--limit", "1"], env, worker_log)
    try:
        submitted = portfolio_screen(["submit", batch_url, "--out", out_url, "--name", "ci", "--wait", "300"], env)
    finally:
        stop(worker)
    assert submitted.returncode == 0, submitted.stdout + submitted.stderr[-2000:] + worker_log.read_text()[-3000:]
    assert "Completed" in submitted.stdout

    out = open_storage(out_url)
    records = read_jsonl(out.read_bytes("evidence.jsonl"))
    assert {r["source"] for r in records} == set(_input_files())  # every input file has a record
    assert _truth_matches(records) >= 2  # fields of documents read right (compare samples/truth.jsonl)
    _assert_same_records(records, reference_run["evidence"])  # the same as a local run, threads and folders
    assert read_jsonl(out.read_bytes("portfolios.jsonl")) == reference_run["portfolios"]
    assert len([k for k in out.list(".cache/results") if k.endswith(".json")]) == len(_input_files())
    assert any(k.endswith(".json") for k in out.list(".cache/ocr"))  # page OCR kept in S3 too
    assert out.exists("report.html") and out.exists(f"portfolios/{SUBSET}.html")

    # The per-file tasks ran on the Dask cluster ...
    # (one file per task on a cluster: flows.screen.task_units)
    prefix = dask_cluster.scheduler.task_prefixes["screen_files_task"]  # type: ignore[attr-defined]
    assert prefix.state_counts["memory"] >= len(_input_files())
    # ... and the Prefect server recorded them in PostgreSQL.
    run_id = re.search(r"flow run ([0-9a-f-]{36})", submitted.stdout)
    assert run_id, submitted.stdout
    database = prefect_server.database.rsplit("/", 1)[1]
    with psycopg2.connect(PG_ADMIN.replace("dbname=postgres", f"dbname={database}")) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT state_type, count(*) FROM task_run WHERE flow_run_id = %s GROUP BY state_type", (run_id[1],)
        )
        states = dict(cur.fetchall())
        cur.execute("SELECT state_type FROM flow_run WHERE id = %s", (run_id[1],))
        (flow_state,) = cur.fetchone()
    assert states == {"COMPLETED": len(_input_files())}
    assert flow_state == "COMPLETED"


def _cache_entries(out: Path) -> int:
    return sum(1 for _ in (out / ".cache" / "results").rglob("*.json")) if (out / ".cache").exists() else 0


def test_a_run_killed_with_sigkill_resumes_exactly_once(
    service_env: dict, reference_run: dict[str, list[dict]], tmp_path: Path
) -> None:
    batch, out = subset_batch(tmp_path / "batch"), tmp_path / "out"
    command = [str(BIN / "portfolio-screen"), "run", str(batch), "--out", str(out), "--no-progress", "--workers", "2"]
    total = len(_input_files())
    log = tmp_path / "killed.log"
    run = start(command, service_env, log)
    try:
        deadline = time.monotonic() + 240
        while _cache_entries(out) < 1 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        done_before_kill = _cache_entries(out)
        # SIGKILL to the run and its Tesseract children alike, as an OOM kill or a pulled plug would.
        os.killpg(run.pid, signal.SIGKILL)
        run.wait(10)
    finally:
        stop(run)
    assert run.returncode == -signal.SIGKILL, log.read_text()[-3000:]
    assert 1 <= done_before_kill < total, f"not killed midway: {done_before_kill} of {total} files were done"
    assert not (out / "evidence.jsonl").exists()
    cached_at_kill = _cache_entries(out)

    resumed = subprocess.run(command, env=service_env, capture_output=True, text=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    from_cache = re.search(r"files\s*│\s*(\d+) \((\d+) from cache\)", resumed.stdout)
    assert from_cache, resumed.stdout
    assert int(from_cache[1]) == total
    assert int(from_cache[2]) == cached_at_kill  # what was finished before the kill is not screened again
    assert _cache_entries(out) == total

    _assert_same_records(read_jsonl((out / "evidence.jsonl").read_bytes()), reference_run["evidence"])
    assert read_jsonl((out / "portfolios.jsonl").read_bytes()) == reference_run["portfolios"]
