"""Discover the portfolios of a batch (shared/contract.md, Input) through a Storage."""

from __future__ import annotations

import json
import logging
from collections import defaultdict

from pydantic import ValidationError

from models import Manifest, PortfolioInput
from pipeline.storage import Storage

log = logging.getLogger(__name__)

MANIFEST = "portfolio.json"
# Files that operating systems drop into folders; they are not evidence.
_SYSTEM_FILES = {"Thumbs.db", "desktop.ini"}


def _is_system_file(name: str) -> bool:
    return name.startswith(".") or name in _SYSTEM_FILES


def read_manifest(batch: Storage, portfolio_id: str) -> tuple[Manifest | None, str | None]:
    key = f"{portfolio_id}/{MANIFEST}"
    if not batch.exists(key):
        return None, None
    try:
        return Manifest.model_validate(json.loads(batch.read_bytes(key))), None
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        return None, f"{MANIFEST} is invalid: {first}"


def discover(batch: Storage) -> tuple[list[PortfolioInput], list[str]]:
    """Portfolios (sorted by id) and the keys of stray files found outside any portfolio folder."""
    files: dict[str, list[str]] = defaultdict(list)
    stray: list[str] = []
    for key in batch.list(""):
        parts = key.split("/")
        if any(_is_system_file(p) for p in parts):
            continue
        if len(parts) == 1:
            stray.append(key)
            continue
        portfolio_id, rest = parts[0], "/".join(parts[1:])
        if rest == MANIFEST:
            files.setdefault(portfolio_id, [])
        else:
            files[portfolio_id].append(rest)
    portfolios = []
    for portfolio_id in sorted(files):
        manifest, error = read_manifest(batch, portfolio_id)
        portfolios.append(
            PortfolioInput(
                portfolio_id=portfolio_id, manifest=manifest, manifest_error=error, files=sorted(files[portfolio_id])
            )
        )
    return portfolios, stray
