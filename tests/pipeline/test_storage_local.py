from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.storage import LocalStorage, open_storage


def test_local_storage_round_trip_and_atomic_write(tmp_path: Path) -> None:
    store = open_storage(str(tmp_path))
    assert isinstance(store, LocalStorage)
    store.write_bytes("a/б.txt", b"one")
    store.write_bytes("a/б.txt", b"two")
    assert store.read_bytes("a/б.txt") == b"two"
    assert store.size("a/б.txt") == 3
    assert list(store.list("")) == ["a/б.txt"]
    assert list(tmp_path.joinpath("a").iterdir()) == [tmp_path / "a" / "б.txt"]  # no temp file left behind
    assert store.child("a").read_bytes("б.txt") == b"two"


def test_local_storage_refuses_keys_outside_the_root(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        LocalStorage(tmp_path / "root").read_bytes("../secret")
