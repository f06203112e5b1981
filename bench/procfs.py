"""Peak memory and CPU of a process tree from /proc (Linux), so the benchmark needs no psutil."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

_TICK = os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int | str = "self") -> float | None:
    """VmHWM: the highest resident set size the process has had, in MiB (None if it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return None


def _children(pid: int | str) -> list[str]:
    """The children of every thread of `pid` (a task thread starts Tesseract; /proc lists children per thread)."""
    pids: list[str] = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            pids += listing.read_text().split()
        except OSError:  # the thread ended
            continue
    return pids


def role(comm: str, cmdline: str) -> str:
    """What a descendant is: 'worker' (the screening pool and its fork server), 'prefect' (the local server), or
    its command name (tesseract, pdftoppm, …)."""
    if "forkserver" in cmdline or "multiprocessing" in cmdline:
        return "worker"
    if "prefect" in cmdline or "uvicorn" in cmdline:
        return "prefect"
    return comm


@dataclass
class _Seen:
    role: str
    peak_mib: float
    own_cpu_s: float  # utime + stime at the last sample
    reaped_cpu_s: float  # cutime + cstime: its children that have ended and that it has waited for
    alive: bool = True


class Descendants:
    """Every descendant of this process (children, the pool's workers, their Tesseracts), sampled from /proc.

    Peaks: not getrusage(RUSAGE_CHILDREN): Linux carries the parent's RSS high-water mark through fork and exec
    into the child's ru_maxrss, so every Tesseract started by a 400 MiB Python process reports ≥ 400 MiB
    (measured: a `true` run from a process holding 500 MiB reports 514 MiB). A process's own VmHWM starts afresh
    at exec. A Tesseract's memory grows while it reads and is given back only at exit, so sampling every 50 ms
    misses little of its peak.

    CPU (`cpu_s`): os.times() counts only children this process has waited for, and the pool's workers are the
    fork server's children, which lives until this process exits. So a descendant still alive at the last sample
    counts its own CPU and that of the children it has reaped; one that has ended is counted by its parent's
    reaped CPU (or by os.times() if its parent is this process). Exact, bar a reap between the last two samples.
    """

    def __init__(self, interval: float = 0.05, exclude: tuple[str, ...] = ("prefect",)) -> None:
        self.interval = interval
        self.exclude = exclude  # roles whose CPU is not the pipeline's (Prefect's local server)
        self.seen: dict[str, _Seen] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="descendants", daemon=True)
        self._times = os.times()
        self.reaped_here_s = 0.0

    def __enter__(self) -> Descendants:
        self._times = os.times()
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
        start, end = self._times, os.times()
        self.reaped_here_s = end.children_user - start.children_user + end.children_system - start.children_system

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        alive: set[str] = set()
        stack = [(pid, "") for pid in _children("self")]
        while stack:
            pid, parent_role = stack.pop()
            try:
                comm = Path(f"/proc/{pid}/comm").read_text().strip()
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                # Fields after the ')' closing the command name: state is [0]; utime, stime, cutime, cstime [11:15].
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # it ended
                continue
            peak = peak_rss_mib(pid)
            if peak is None or stat[0] == "Z":  # a zombie's figures are final but its parent may reap it any moment
                continue
            # A process inherits its parent's role: the Tesseract of an excluded process is excluded too.
            kind = parent_role if parent_role in self.exclude else role(comm, cmdline)
            utime, stime, cutime, cstime = (int(x) / _TICK for x in stat[11:15])
            previous = self.seen.get(pid)
            self.seen[pid] = _Seen(
                role=kind if previous is None else previous.role,
                peak_mib=round(max(peak, previous.peak_mib if previous else 0.0), 1),
                own_cpu_s=utime + stime,
                reaped_cpu_s=cutime + cstime,
            )
            alive.add(pid)
            stack += [(child, kind) for child in _children(pid)]
        for pid, seen in self.seen.items():
            seen.alive = pid in alive

    @property
    def peaks(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for seen in self.seen.values():
            out[seen.role] = max(out.get(seen.role, 0.0), seen.peak_mib)
        return out

    @property
    def cpu_s(self) -> float:
        """The CPU of every descendant outside the excluded roles, over the `with` block (call after it)."""
        live = sum(s.own_cpu_s + s.reaped_cpu_s for s in self.seen.values() if s.alive and s.role not in self.exclude)
        return round(self.reaped_here_s + live, 2)

    def summary(self) -> dict[str, dict[str, float | int]]:
        counts: dict[str, int] = {}
        for seen in self.seen.values():
            counts[seen.role] = counts.get(seen.role, 0) + 1
        return {name: {"peak_rss_mib": peak, "seen": counts[name]} for name, peak in self.peaks.items()}
