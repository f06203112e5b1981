"""The storage interface shared by the local and S3 back ends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable


@runtime_checkable
class Storage(Protocol):
    url: str

    def list(self, prefix: str = "") -> Iterator[str]:
        """Keys under `prefix` (relative to the storage root, '/'-separated), sorted, files only."""
        ...

    def read_bytes(self, key: str) -> bytes: ...

    def write_bytes(self, key: str, data: bytes) -> None:
        """Write atomically: a reader sees the old object or the whole new one, never a part."""
        ...

    def exists(self, key: str) -> bool: ...

    def size(self, key: str) -> int: ...

    def child(self, prefix: str) -> Storage:
        """A storage rooted at `prefix` below this one."""
        ...
