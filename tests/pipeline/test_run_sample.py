"""End to end: `portfolio-screen run` on the committed sample batch (real scans, real Tesseract, real rules)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models import EvidenceRecord, PortfolioSummary
from pipeline.cli import app

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "batch"
TRUTH = REPO / "samples" / "truth.jsonl"
CONTRACT_EVIDENCE_FIELDS = {
    "portfolio_id",
    "source",
    "pages",
    "doc_type",
    "activity",
    "achiever",
    "person_name",
    "supervisor_name",
    "event_name",
    "approved_list_id",
    "level",
    "result",
    "place",
    "issued_on",
    "issuer",
    "hours",
    "indicator",
    "points",
    "flags",
    "confidence",
    "text_source",
    "ocr_confidence",
}
CONTRACT_PORTFOLIO_FIELDS = {
    "portfolio_id",
    "applicant",
    "position",
    "claimed_category",
    "indicators",
    "total",
    "threshold",
    "verdict",
    "flags_count",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("sample-out")
    result = CliRunner().invoke(app, ["run", str(SAMPLE), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out, result.output


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_file_yields_a_record_with_the_contract_fields(sample_run: tuple[Path, str]) -> None:
    out, _ = sample_run
    records = _lines(out / "evidence.jsonl")
    files = {p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*") if p.is_file() and p.name != "portfolio.json"}
    seen = {f"{r['portfolio_id']}/{r['source']}" for r in records}
    assert files <= seen
    for raw in records:
        assert raw.keys() >= CONTRACT_EVIDENCE_FIELDS
        EvidenceRecord.model_validate(raw)  # enums verbatim
        assert 0.0 <= raw["confidence"] <= 1.0


def test_portfolio_summaries_follow_the_contract(sample_run: tuple[Path, str]) -> None:
    out, _ = sample_run
    summaries = _lines(out / "portfolios.jsonl")
    portfolios = sorted(p.name for p in SAMPLE.iterdir() if p.is_dir())
    assert [s["portfolio_id"] for s in summaries] == portfolios
    for raw in summaries:
        assert raw.keys() >= CONTRACT_PORTFOLIO_FIELDS
        PortfolioSummary.model_validate(raw)
    assert (out / "report.html").exists()


def test_fields_agree_with_the_sample_truth(sample_run: tuple[Path, str]) -> None:
    out, _ = sample_run
    got = {(r["portfolio_id"], r["source"], r["pages"][0]): r for r in _lines(out / "evidence.jsonl")}
    truth = _lines(TRUTH)
    matched = [(t, got.get((t["portfolio_id"], t["source"], t["pages"][0]))) for t in truth]
    assert sum(1 for _, r in matched if r is not None) / len(truth) >= 0.95  # document recall
    readable = [(t, r) for t, r in matched if r is not None and t.get("doc_type")]
    doc_type_ok = sum(1 for t, r in readable if r["doc_type"] == t["doc_type"]) / len(readable)
    level_ok = sum(1 for t, r in readable if r["level"] == t["level"]) / len(readable)
    assert doc_type_ok >= 0.9, doc_type_ok
    assert level_ok >= 0.8, level_ok


def test_summary_is_printed(sample_run: tuple[Path, str]) -> None:
    _, output = sample_run
    for word in ("portfolios", "documents", "pages OCR'd", "pages/s", "evidence.jsonl"):
        assert word in output


def test_a_rerun_with_nothing_to_screen_is_finished_from_the_cache(
    sample_run: tuple[Path, str], tmp_path: Path
) -> None:
    from pipeline.config import Settings
    from pipeline.rerun import finish_from_cache

    out, _ = sample_run
    before = _lines(out / "evidence.jsonl")
    report = finish_from_cache(str(SAMPLE), str(out), Settings())
    assert report is not None and report.files == report.files_cached == len(
        {(r["portfolio_id"], r["source"]) for r in before}
    )
    assert _lines(out / "evidence.jsonl") == before  # the same records, exactly once each
    assert finish_from_cache(str(SAMPLE), str(out), Settings(cache=False)) is None

    # One file the cache has never seen: the batch goes to the flow (None here), and nothing is written.
    batch = tmp_path / "batch"
    shutil.copytree(SAMPLE, batch)
    first = sorted(p for p in batch.rglob("*.pdf"))[0]
    shutil.copy(first, first.with_name("new " + first.name))
    written = (out / "evidence.jsonl").stat().st_mtime_ns
    assert finish_from_cache(str(batch), str(out), Settings()) is None
    assert (out / "evidence.jsonl").stat().st_mtime_ns == written
