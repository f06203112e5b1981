"""Peak memory from /proc (Linux), so the benchmark needs no psutil."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType


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


class ChildPeaks:
    """The peak RSS of this process's children by command name (tesseract, pdftoppm, …), sampled from /proc.

    Not getrusage(RUSAGE_CHILDREN): Linux carries the parent's RSS high-water mark through fork and exec into the
    child's ru_maxrss, so every Tesseract started by a 400 MiB Python process reports ≥ 400 MiB (measured: a
    `true` run from a process holding 500 MiB reports 514 MiB). A child's own VmHWM starts afresh at exec. Children
    are found through /proc/self/task/*/children, which lists those of every thread (the per-file tasks are
    threads). A Tesseract's memory grows while it reads and is given back only at exit, so sampling every 50 ms
    misses little of its peak; a child living less than that may not be seen at all.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peaks: dict[str, float] = {}
        self.processes: dict[str, set[str]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="child-peaks", daemon=True)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        for listing in Path("/proc/self/task").glob("*/children"):
            try:
                pids = listing.read_text().split()
            except OSError:  # the thread ended
                continue
            for pid in pids:
                try:
                    name = Path(f"/proc/{pid}/comm").read_text().strip()
                except OSError:  # the child ended
                    continue
                peak = peak_rss_mib(pid)
                if peak is not None:
                    self.peaks[name] = max(self.peaks.get(name, 0.0), round(peak, 1))
                    self.processes.setdefault(name, set()).add(pid)

    def summary(self) -> dict[str, dict[str, float | int]]:
        return {name: {"peak_rss_mib": peak, "seen": len(self.processes[name])} for name, peak in self.peaks.items()}
