"""One unit of parallel work, addressed by storage URL and key so any worker (thread, process, Dask) can run it."""

from __future__ import annotations

from models import FileResult, Manifest
from pipeline.config import Settings
from pipeline.records import error_record
from pipeline.screen_file import screen_file
from pipeline.storage import open_storage


def screen_stored_file(
    batch_url: str, portfolio_id: str, source: str, manifest: Manifest | None, settings: Settings
) -> FileResult:
    batch = open_storage(batch_url)
    key = f"{portfolio_id}/{source}"
    size = batch.size(key)
    if size > settings.max_file_bytes:
        reason = f"file is {size / 2**20:.0f} MiB, over the {settings.max_file_bytes / 2**20:.0f} MiB limit"
        return FileResult(
            portfolio_id=portfolio_id, source=source, records=[error_record(portfolio_id, source, reason)]
        )
    return screen_file(portfolio_id, source, batch.read_bytes(key), manifest, settings)
