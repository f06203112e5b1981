"""The progress bar: on stderr, so stdout can be piped."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class FileProgress:
    def __init__(self, progress: Progress, task_id: int) -> None:
        self._progress, self._task = progress, task_id

    def advance(self, what: str, files: int = 1) -> None:
        self._progress.update(self._task, advance=files, description=what[-48:])


@contextmanager
def file_progress(total: int) -> Iterator[FileProgress]:
    progress = Progress(
        TextColumn("{task.description:<48}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    with progress:
        yield FileProgress(progress, progress.add_task("screening", total=total))
