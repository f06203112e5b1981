"""The result store and its use by the per-file task: real files, real screening, real Tesseract."""

from __future__ import annotations

import json
import os
import string
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from extractors import read_file
from extractors.tesseract import OCR_TIMED_OUT
from models import EvidenceRecord, FileResult, Manifest
from pipeline.cache import ResultCache, cache_url_for
from pipeline.config import Settings
from pipeline.screen_file import screen_file
from pipeline.storage import LocalStorage
from pipeline.work import screen_stored_file

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "batch"


def _result() -> FileResult:
    record = EvidenceRecord(portfolio_id="P1", source="Диплом 850101400123.pdf", pages=[1], doc_id="abc-p1-1")
    return FileResult(
        portfolio_id="P1",
        source="Диплом 850101400123.pdf",
        records=[record],
        thumbnails={"abc-p1-1": bytes(range(256)) * 8},  # not UTF-8: must survive JSON
    )


def test_round_trip_keeps_thumbnails_and_marks_the_result_cached(tmp_path: Path) -> None:
    cache = ResultCache(LocalStorage(tmp_path))
    key = "ab" + "0" * 62
    assert cache.get(key) is None
    cache.put(key, _result())
    got = cache.get(key)
    assert got is not None and got.stats.cached
    assert got.thumbnails == _result().thumbnails
    assert got.records == _result().records


def test_entry_names_are_hashes_only(tmp_path: Path) -> None:
    cache = ResultCache(LocalStorage(tmp_path))
    cache.put("cd" + "1" * 62, _result())
    names = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()]
    assert names == ["results/cd/cd" + "1" * 62 + ".json"]  # no file names, no IINs, no temporary files
    assert "850101400123" not in "".join(names)


def test_an_unreadable_entry_is_a_miss(tmp_path: Path) -> None:
    cache = ResultCache(LocalStorage(tmp_path))
    key = "ef" + "2" * 62
    LocalStorage(tmp_path).write_bytes(ResultCache.entry_key(key), b'{"format": 1, "key": "')
    assert cache.get(key) is None
    other = "ef" + "3" * 62  # an entry stored under another key's name is not trusted either
    cache.put(key, _result())
    LocalStorage(tmp_path).write_bytes(
        ResultCache.entry_key(other), LocalStorage(tmp_path).read_bytes(cache.entry_key(key))
    )
    assert cache.get(other) is None


def test_cache_location() -> None:
    assert cache_url_for("s3://out/run", Settings()) == "s3://out/run/.cache"
    assert cache_url_for("/data/out/", Settings()) == "/data/out/.cache"
    assert cache_url_for("/data/out", Settings(cache_dir="s3://c/x")) == "s3://c/x"
    assert cache_url_for("/data/out", Settings(cache=False, cache_dir="s3://c/x")) is None


def _entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.json"))


def test_the_file_task_reads_the_cache_and_fills_it(tmp_path: Path) -> None:
    manifest = Manifest.model_validate_json((SAMPLE / "P249-04" / "portfolio.json").read_bytes())
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    args = (str(SAMPLE), "P249-04", "02_prikaz.pdf")  # born-digital: screened in about a second
    first = screen_stored_file(*args, manifest, settings)
    assert not first.stats.cached and len(_entries(tmp_path / "cache")) == 1
    again = screen_stored_file(*args, manifest, settings)
    assert again.stats.cached
    assert again.records == first.records and again.thumbnails == first.thumbnails
    # Another manifest may change the name and period checks: not the same result.
    other = Manifest.model_validate(manifest.model_dump(mode="json") | {"claimed_category": "master"})
    assert not screen_stored_file(*args, other, settings).stats.cached
    assert len(_entries(tmp_path / "cache")) == 2
    # Without a cache nothing is written.
    assert not screen_stored_file(*args, manifest, Settings(cache=False, cache_dir=str(tmp_path / "c2"))).stats.cached
    assert not (tmp_path / "c2").exists()


def dense_junk_page() -> bytes:
    """A page of tiny random 'words' edge to edge: Tesseract alone takes ≈ 60 s on it here (rus+kaz, 200 dpi)."""
    rng = np.random.default_rng(2)
    page = np.full((2339, 1654), 255, np.uint8)
    letters = np.array(list(string.ascii_letters + string.digits))
    for y in range(12, 2339, 13):
        x = 2
        while x < 1640:
            word = "".join(rng.choice(letters, rng.integers(1, 8)))
            jitter = int(rng.integers(-3, 4))
            cv2.putText(page, word, (x, y + jitter), cv2.FONT_HERSHEY_SIMPLEX, 0.3 + rng.random() * 0.2, 0, 1)
            x += 6 * len(word) + int(rng.integers(2, 10))
    ok, png = cv2.imencode(".png", page)
    assert ok
    return png.tobytes()


def _tesseract_children() -> list[int]:
    """Tesseract processes this test process started (pytesseract runs it as a direct child)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended while we looked
            continue
        name, rest = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :].split()
        if name == "tesseract" and int(rest[1]) == os.getpid():
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
def test_a_pathological_page_is_cut_off_and_not_cached(tmp_path: Path) -> None:
    junk = dense_junk_page()
    settings = Settings(ocr_page_timeout=3)
    started = time.monotonic()
    reading = read_file(junk, "junk.png", settings)
    elapsed = time.monotonic() - started
    assert reading.pages[0].error and reading.pages[0].error.startswith(OCR_TIMED_OUT)
    # 3 s of OCR plus orientation and deskew, not the ≈ 60 s Tesseract would take
    assert elapsed < 30, elapsed
    assert not _tesseract_children()  # the timed-out Tesseract was killed, not left running
    # The batch still gets a record for the file, and a re-run will try the page again.
    (tmp_path / "batch" / "P1").mkdir(parents=True)
    (tmp_path / "batch" / "P1" / "junk.png").write_bytes(junk)
    result = screen_stored_file(
        str(tmp_path / "batch"),
        "P1",
        "junk.png",
        None,
        settings.model_copy(update={"cache_dir": str(tmp_path / "cache")}),
    )
    assert result.records and not result.stats.cacheable
    assert not _entries(tmp_path / "cache")


def test_memory_holds_one_document_at_a_time(tmp_path: Path) -> None:
    """Rasters are freed document by document: count the live ones from the reader's side."""
    import pikepdf

    source = pikepdf.open(SAMPLE / "P249-04" / "02_prikaz.pdf")  # one titled page: one document per page
    long_pdf = pikepdf.Pdf.new()
    for _ in range(12):
        long_pdf.pages.extend(source.pages)
    path = tmp_path / "long.pdf"
    long_pdf.save(path)
    live: list[int] = []

    def spy(reading, page) -> None:  # type: ignore[no-untyped-def]
        live.append(sum(1 for p in reading.pages if p.image is not None))
        screener(reading, page)

    from pipeline.screen_file import _DocumentScreener

    screener = _DocumentScreener("P1", None, Settings())
    reading = read_file(path.read_bytes(), "long.pdf", Settings(), on_page=spy)
    result = screener.finish(reading)
    assert len(result.records) == 12 and len(result.thumbnails) == 12
    assert max(live) <= 2  # the page just read and the previous document's, never the whole file
    # The same records and thumbnails as when the whole file is read first (every raster alive) and screened after.
    whole_reading = read_file(path.read_bytes(), "long.pdf", Settings())
    assert sum(1 for p in whole_reading.pages if p.image is not None) == 12
    late = _DocumentScreener("P1", None, Settings())
    for page in whole_reading.pages:
        late(whole_reading, page)
    whole = late.finish(whole_reading)
    assert [r.model_dump() for r in result.records] == [r.model_dump() for r in whole.records]
    assert result.thumbnails == whole.thumbnails
    assert screen_file("P1", "long.pdf", path.read_bytes(), None, Settings()).records == result.records


@pytest.mark.slow
def test_page_ocr_is_reused_when_the_file_result_is_not(tmp_path: Path) -> None:
    def manifest(category: str) -> Manifest:
        raw = json.loads((SAMPLE / "P249-02" / "portfolio.json").read_text(encoding="utf-8"))
        return Manifest.model_validate(raw | {"claimed_category": category})

    settings = Settings(cache_dir=str(tmp_path / "cache"))
    args = (str(SAMPLE), "P249-02", "01_protokol.pdf")  # one scanned page
    screen_stored_file(*args, manifest("expert"), settings)
    pages = sorted((tmp_path / "cache" / "ocr").rglob("*.json"))
    assert len(pages) == 1
    # Another manifest: the file's result is screened again, its page's OSD and OCR are not — to the same result.
    again = screen_stored_file(*args, manifest("master"), settings)
    assert not again.stats.cached
    assert sorted((tmp_path / "cache" / "ocr").rglob("*.json")) == pages
    data = (SAMPLE / "P249-02" / "01_protokol.pdf").read_bytes()
    fresh = screen_file("P249-02", "01_protokol.pdf", data, manifest("master"), Settings())  # no cache at all
    assert again.records == fresh.records
    assert again.thumbnails == fresh.thumbnails  # the page prepared from the known orientation: the same pixels
    # Proof that the stored words are what is read: alter them, and the next miss shows it.
    entry = json.loads(pages[0].read_text(encoding="utf-8"))
    entry["text"] = "МЕТКАКЭША " + entry["text"]
    entry["words"][0]["text"] = "МЕТКАКЭША " + entry["words"][0]["text"]
    pages[0].write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    marked = screen_stored_file(*args, manifest("moderator"), settings)
    assert "МЕТКАКЭША" in (marked.records[0].text_excerpt or "")
