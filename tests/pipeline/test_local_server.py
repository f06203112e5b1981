"""The local-mode Prefect server the CLI starts first (flows/local_server.py): a real server, on loopback."""

from __future__ import annotations

import json
import urllib.request

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
