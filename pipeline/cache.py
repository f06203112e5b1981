"""The result cache: one screened file's `FileResult`, stored content-addressed, so a re-run resumes.

The key (`result_key`) is a hash of everything a file's result depends on: the file's bytes, where it sits
(portfolio id and path: they are in the records and in doc ids), the portfolio's manifest (name, period and
level checks read it), the settings that change results, and the code version (`code_version`: the source of
extractors/, classifiers/, pipeline/, models/, every file under data/, the Tesseract version and the versions of
the libraries that read pages). Change any of them and the entry is simply not found; nothing is ever
invalidated by hand. Entries are written whole (`Storage.write_bytes` is atomic), one per file as soon as the file
is screened, so a run killed at any moment leaves only whole entries behind, and running the same command again
screens only what is missing. The batch-wide step (duplicates, scoring, outputs) always runs again over all
results, so a resumed run writes exactly one record per document.

Entry names are the key's hex digest: no names, file names or IINs appear in the store's paths. The store
lives under OUT/.cache by default, apart from the duplicate index (OUT/.index), which it never touches.

Why our own store rather than Prefect's task caching and result persistence. Measured on this 2-core machine
(`python -m tests.scale.prefect_cache_probe`: 200–500 tasks returning a FileResult of ≈ 40 KB, 2 threads, ms
per task): a plain task 4.0–5.2; with `cache_key_fn` + `persist_result` 5.2–6.3 on the first run and 5.2–8.1
when every task is a cache hit; our store writes an entry in 4–6 (fsync + rename) and reads one in 0.2–0.3,
inside the plain task. So per-task cost is close and did not decide — a file takes seconds to screen. What did:
- Prefect's cache lives in its API: result storage must be a block saved on the server (an unsaved one is
  refused with a TypeError), so resuming depends on that server's database being there and configured. Ours is
  a folder or a bucket, nothing else: delete OUT/.cache and it is gone.
- S3 result storage in Prefect is a block holding credentials in Prefect's database (prefect-aws or an fsspec
  filesystem); our rule is credentials from the environment only, and our store reuses `pipeline.storage` with
  the same MINIO_* variables and retries as the batch itself.
- Results would be cloudpickled by default: a pickle read back from a shared bucket can run code. Our entries
  are JSON validated by pydantic, readable by a person.
- The key: ours hashes the file bytes the task has just read, plus the code and data version. A Prefect
  `cache_key_fn` runs before the task body and sees only its parameters (URLs), so it would read the file a second
  time (or trust size/mtime), and it would still need our code-version hash.
"""

from __future__ import annotations

import hashlib
import json
import logging
import subprocess
from functools import cache
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ValidationError

from models import FileResult, Manifest
from pipeline.config import DATA_DIR, EXECUTION_SETTINGS, REPO_ROOT, Settings
from pipeline.storage import Storage, open_storage

log = logging.getLogger(__name__)

CACHE_FORMAT = 1  # bump when the entry layout changes
CODE_DIRS = ("extractors", "classifiers", "pipeline", "models")
# Libraries whose upgrade can change what is read off a page (pinned in constraints.txt).
READING_LIBRARIES = (
    "pypdfium2",
    "pdfplumber",
    "pikepdf",
    "opencv-python-headless",
    "numpy",
    "pillow",
    "ImageHash",
    "pytesseract",
    "spacy",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "rapidfuzz",
    "python-docx",
    "pydantic",
)


def _tree_digest(digest: hashlib._Hash, root: Path, label: str) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def _tesseract_version() -> str:
    try:
        run = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30, check=False)
        return (run.stdout or run.stderr).splitlines()[0] if (run.stdout or run.stderr) else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "missing"


@cache
def code_version(root: Path = REPO_ROOT, data_dir: Path = DATA_DIR) -> str:
    """Hash of the code and data that produce a FileResult (`root`: where extractors/ … models/ and data/ are).

    Computed once per process (≈ 30 ms here). Rules read data/ through DATA_DIR; `data_dir` is hashed as well
    when a setting points elsewhere, so a cache never outlives a change of rule data.
    """
    digest = hashlib.sha256()
    for name in CODE_DIRS:
        _tree_digest(digest, root / name, name)
    _tree_digest(digest, root / "data", "data")
    if data_dir.resolve() != (root / "data").resolve():
        _tree_digest(digest, data_dir, "data_dir")
    digest.update(_tesseract_version().encode())
    for lib in READING_LIBRARIES:
        try:
            digest.update(f"{lib}=={metadata.version(lib)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{lib} missing\0".encode())
    return digest.hexdigest()


def result_settings(settings: Settings) -> dict[str, object]:
    """The settings that can change a file's result: all of them except the execution-only ones.

    Listing what to leave out (not what to keep) means a setting added later invalidates the cache by default.
    """
    return settings.model_dump(mode="json", exclude=set(EXECUTION_SETTINGS))


def result_key(
    file_sha256: str,
    portfolio_id: str,
    source: str,
    manifest: Manifest | None,
    settings: Settings,
    code: str | None = None,
) -> str:
    """The cache key of one file's result; `code` defaults to this installation's `code_version`."""
    material = {
        "format": CACHE_FORMAT,
        "file": file_sha256,
        "portfolio_id": portfolio_id,
        "source": source,
        "manifest": manifest.model_dump(mode="json") if manifest is not None else None,
        "settings": result_settings(settings),
        "code": code or code_version(REPO_ROOT, Path(settings.data_dir)),
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class CacheEntry(BaseModel):
    format: int = CACHE_FORMAT
    key: str
    result: FileResult


class ResultCache:
    """Entries at `results/<first two hex digits>/<key>.json` below the cache root (local folder or s3://)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    @classmethod
    def open(cls, url: str) -> ResultCache:
        return cls(open_storage(url))

    @staticmethod
    def entry_key(key: str) -> str:
        return f"results/{key[:2]}/{key}.json"

    def get(self, key: str) -> FileResult | None:
        try:
            raw = self.storage.read_bytes(self.entry_key(key))
        except FileNotFoundError:
            return None
        try:
            entry = CacheEntry.model_validate_json(raw)
        except ValidationError as exc:  # written by another format: a miss, to be overwritten
            log.warning("cache entry %s unreadable, screening again: %s", key[:16], str(exc).splitlines()[0])
            return None
        if entry.key != key or entry.format != CACHE_FORMAT:
            return None
        result = entry.result
        result.stats.cached = True
        return result

    def put(self, key: str, result: FileResult) -> None:
        stored = result.model_copy(update={"stats": result.stats.model_copy(update={"cached": False})})
        body = CacheEntry(key=key, result=stored).model_dump_json().encode("utf-8")
        self.storage.write_bytes(self.entry_key(key), body)


def cache_url_for(out_url: str, settings: Settings) -> str | None:
    """Where this run's cache lives: --cache-dir / PS_CACHE_DIR, else OUT/.cache; None with --no-cache."""
    if not settings.cache:
        return None
    return settings.cache_dir or f"{out_url.rstrip('/')}/.cache"


def run_settings(out_url: str, settings: Settings | dict | None) -> Settings:
    """The settings the tasks get: a deployment passes a JSON dict; the cache location is resolved here, once."""
    if isinstance(settings, dict):
        settings = Settings(**settings)  # the flow process's PS_* environment, overridden by the parameters
    settings = settings or Settings()
    cache_url = cache_url_for(out_url, settings)
    return settings.model_copy(update={"cache_dir": cache_url, "cache": cache_url is not None})
