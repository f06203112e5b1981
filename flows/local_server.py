"""Prefect's local mode, started early: the temporary API server boots while this process does its own start-up.

Without a Prefect server configured, Prefect starts a temporary one when the first flow runs: this process imports
Prefect's whole server package (≈ 5 s of CPU here) only to launch a subprocess that imports it again and boots
(≈ 7 s), and it waits for both. Launching the same subprocess first, before this process imports Prefect and the
pipeline, saves the first import and lets the boot overlap this process's own start-up; what remains before a
flow starts is ≈ 12 s on this 2-core machine (the benchmark's start-up column), most of it the server's boot.
The subprocess is the one Prefect would start (uvicorn serving `create_app`, UI off, the same environment).

No Prefect import here: importing it is what the early start overlaps.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from types import TracebackType

log = logging.getLogger(__name__)
_READY_POLL_S = 0.05


class LocalServerError(RuntimeError):
    pass


def _die_with_parent() -> None:
    """In the child before exec (Linux): a SIGTERM when the command dies, even by kill -9, so no server is left
    behind on its port. Elsewhere a no-op: the server is still stopped on every normal exit."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def wanted() -> bool:
    """Local mode: no server configured in the environment. (One configured in a Prefect profile is seen only
    after Prefect is imported; `LocalServer.api_url` is then simply not used and the server stopped.)"""
    return not os.environ.get("PREFECT_API_URL")


class LocalServer:
    """A temporary Prefect API server on a free loopback port, for one command; a context manager that stops it."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._ready = False
        self._started = 0.0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> LocalServer:
        env = dict(os.environ, PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        # The socket is bound here and handed over: the port is ours from the first moment, so no other process
        # can take it while the server imports (≈ 5 s), and no other server can answer our health check.
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(128)
            self.port = int(listener.getsockname()[1])
            args = [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app"]
            args += ["--fd", str(listener.fileno()), "--log-level", "error", "--lifespan", "on"]
            self.process = subprocess.Popen(
                args, env=env, stdin=subprocess.DEVNULL, pass_fds=(listener.fileno(),), preexec_fn=_die_with_parent
            )
        self._started = time.monotonic()
        return self

    def wait_ready(self, timeout_s: float) -> str:
        """Block until the server answers its health check; its API URL. Raises LocalServerError with the reason."""
        if self._ready:
            return self.api_url
        if self.process is None:
            raise LocalServerError("the local Prefect server was never started")
        waited = time.monotonic()
        deadline = waited + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LocalServerError(f"the local Prefect server exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        self._ready = True
                        now = time.monotonic()
                        log.info("local Prefect server up in %.1f s (waited %.1f s)", now - self._started, now - waited)
                        return self.api_url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(_READY_POLL_S)
        raise LocalServerError(f"the local Prefect server did not answer within {timeout_s:.0f} s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def start_if_local() -> LocalServer | None:
    """The early start, for a command's first line: a booting server in local mode, else None."""
    return LocalServer().start() if wanted() else None
