"""Writing the batch outputs: JSONL written whole and atomically, so a crash never leaves half a file."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from pipeline.storage import Storage

EVIDENCE = "evidence.jsonl"
PORTFOLIOS = "portfolios.jsonl"
THUMBS = "thumbs"


def to_jsonl(items: Iterable[BaseModel]) -> bytes:
    return "".join(item.model_dump_json(by_alias=True) + "\n" for item in items).encode("utf-8")


def write_jsonl(out: Storage, key: str, items: Iterable[BaseModel]) -> None:
    out.write_bytes(key, to_jsonl(items))


def write_thumbnails(out: Storage, thumbnails: dict[str, bytes]) -> None:
    for doc_id, jpeg in thumbnails.items():
        key = f"{THUMBS}/{doc_id}.jpg"
        if not out.exists(key):
            out.write_bytes(key, jpeg)
