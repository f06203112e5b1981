"""Where batches are read from and outputs written to: a local folder or an S3 prefix.

Every stage reads and writes through `Storage`; nothing else opens batch files directly.
"""

from __future__ import annotations

from pipeline.storage.base import Storage
from pipeline.storage.local import LocalStorage


def open_storage(url: str) -> Storage:
    """`s3://bucket/prefix` → S3 (MinIO client, credentials from the environment); anything else → local."""
    if url.startswith("s3://"):
        from pipeline.storage.s3 import S3Storage

        return S3Storage.from_url(url)
    return LocalStorage(url)


__all__ = ["LocalStorage", "Storage", "open_storage"]
