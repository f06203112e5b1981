"""Run settings: embedded defaults for one machine, overridable by environment (PS_*) or the CLI."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PS_", extra="ignore")

    data_dir: Path = DATA_DIR
    # Reading
    # Rasterisation dpi for scanned pages, and the most OCR reads at: certificates print at 10–48 pt, and at
    # 300 dpi Tesseract drops the large titles and takes ≈ 2× longer than at 200 dpi.
    dpi: int = 200
    ocr_languages: str = "rus+kaz"  # fallback when a page's language cannot be told
    ocr_page_timeout: float = 90.0  # seconds; one pathological page must not stall a worker
    min_text_layer_chars: int = 40  # fewer real characters than this on a page → treat as a scan
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 200  # pages read per file; the rest are reported, not read
    max_page_pixels: int = 120_000_000  # decompression-bomb guard for one rendered/decoded page
    max_page_inches: float = 60.0  # absurd page sizes are rendered at a reduced dpi
    keep_page_images: bool = True  # keep colour rasters in memory for the visual checks
    # Checks
    low_ocr_confidence: float = 60.0  # mean word confidence below this raises low_ocr_confidence
    # Scoring
    edition: str = "2025"
    # Execution: these change how a batch runs, never what it finds (EXECUTION_SETTINGS below)
    workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1))
    cache: bool = True  # keep and reuse per-file results (pipeline.cache); PS_CACHE=false or --no-cache
    cache_dir: str | None = None  # local folder or s3://bucket/prefix; None = OUT/.cache
    dask_address: str | None = None  # tcp://host:8786 runs the per-file tasks on that Dask cluster


# Settings that do not change a file's result, so they stay out of the cache key (pipeline.cache). data_dir's
# path is here because its *content* is hashed into the code version instead.
EXECUTION_SETTINGS = frozenset({"workers", "cache", "cache_dir", "dask_address", "data_dir"})


def load_settings(**overrides: object) -> Settings:
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)
