"""The local-mode Prefect server the CLI starts first (flows/local_server.py): a real server, on loopback."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from flows.local_server import LocalServer, LocalServerError

pytestmark = pytest.mark.slow


def test_the_server_answers_and_stops() -> None:
    with LocalServer() as server:
        url = server.wait_ready(timeout_s=120)
        with urllib.request.urlopen(f"{url}/health", timeout=5) as answer:
            assert answer.status == 200 and json.loads(answer.read()) is True
        process = server.process
        assert process is not None
    assert process.poll() is not None and server.process is None


def test_two_servers_answer_each_for_itself() -> None:
    with LocalServer() as first, LocalServer() as second:
        assert first.port != second.port and 0 not in (first.port, second.port)
        assert first.wait_ready(timeout_s=120) != second.wait_ready(timeout_s=120)
        pid = second.process.pid if second.process else None
    assert pid is not None


def test_a_server_that_cannot_start_says_so() -> None:
    with pytest.raises(LocalServerError, match="never started"):
        LocalServer().wait_ready(timeout_s=1)


def test_the_server_dies_with_a_command_killed_by_sigkill(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    script = "from flows.local_server import LocalServer; s = LocalServer().start(); print(s.process.pid, flush=True); "
    script += "s.wait_ready(120); print('ready', flush=True); import time; time.sleep(600)"
    command = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    assert command.stdout is not None
    server_pid = int(command.stdout.readline())
    assert command.stdout.readline().strip() == "ready"
    command.send_signal(signal.SIGKILL)
    command.wait()
    deadline = time.monotonic() + 20
    stat = Path(f"/proc/{server_pid}/stat")
    while time.monotonic() < deadline:
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return
        if state in ("Z", "X"):  # exited; its new parent has not reaped it yet
            return
        time.sleep(0.2)
    os.kill(server_pid, signal.SIGKILL)
    raise AssertionError("the server outlived the command killed with SIGKILL")
