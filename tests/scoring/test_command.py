"""`score_command` over a hand-built evidence.jsonl and manifests in a tmp dir, reading the outputs back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from models import Activity, Level, Result
from pipeline.scoring.command import score_command
from tests.scoring.helpers import course, manifest, rec


def write_batch(tmp_path: Path) -> tuple[Path, Path]:
    batch = tmp_path / "batch"
    for pid, m in {
        "t-expert": manifest("teacher", "expert"),
        "h-first": manifest("head", "first", "tvet"),
    }.items():
        (batch / pid).mkdir(parents=True)
        data = json.loads(m.model_dump_json(by_alias=True))
        data["applicant"]["iin"] = "850101400123"
        (batch / pid / "portfolio.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (batch / pid / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (batch / "no-manifest").mkdir()
    (batch / "no-manifest" / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    records = []
    for pid in ("t-expert", "h-first", "no-manifest", "not-in-batch"):
        for r in (
            rec(1, Activity.student_contest, Level.republic, Result.winner),
            rec(2, Activity.student_contest, Level.region),
            course(3, 72, "Программа"),
            course(4, 72, "Программа"),  # the same programme again
        ):
            r.portfolio_id, r.doc_id = pid, f"{pid}-{r.doc_id}"
            records.append(r)
    evidence = tmp_path / "evidence.jsonl"
    evidence.write_text("".join(r.to_json_line() + "\n" for r in records), encoding="utf-8")
    return batch, evidence


@pytest.mark.parametrize(("edition", "teacher_21"), [("2025", 4 + 1), ("pilot-2024", 4 + 3 + 1)])
def test_score_command_rescoring_from_evidence(tmp_path: Path, edition: str, teacher_21: float) -> None:
    batch, evidence = write_batch(tmp_path)
    out = tmp_path / "out"
    summaries = score_command(evidence, str(batch), str(out), edition)
    assert [s.portfolio_id for s in summaries] == ["h-first", "no-manifest", "t-expert", "not-in-batch"]

    lines = [json.loads(x) for x in (out / "portfolios.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {x["portfolio_id"]: x for x in lines}
    teacher = by_id["t-expert"]
    # seed 002_… appendix 8: expert — republic winner 4 +1 (2025) or + region 3 (pilot); 72 h once → 1
    assert teacher["indicators"]["2.1"] == teacher_21 and teacher["indicators"]["4.1"] == 1
    assert teacher["threshold"] == 84 and teacher["edition"] == edition
    assert set(teacher) >= {"applicant", "position", "claimed_category", "total", "verdict", "flags_count"}
    head = by_id["h-first"]
    # seed 002_… appendix 11: first category needs republic → 4 +1; 72 h < 108 → 0; TVET threshold 58
    assert head["indicators"]["2.4"] == 5 and head["indicators"]["5.1"] == 0
    assert head["threshold"] == 58 and head["verdict"] == "below"
    assert by_id["no-manifest"]["verdict"] == by_id["not-in-batch"]["verdict"] == "needs_review"

    rescored = [json.loads(x) for x in (out / "evidence.jsonl").read_text(encoding="utf-8").splitlines()]
    teacher_records = [r for r in rescored if r["portfolio_id"] == "t-expert"]
    assert [r["indicator"] for r in teacher_records] == ["2.1", "2.1", "4.1", "4.1"]
    assert teacher_records[3]["counted"] is False

    rows = list(csv.DictReader((out / "portfolios.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["verdict"] == "below" and {r["portfolio_id"] for r in rows} == set(by_id)
    assert (out / "report.html").exists() and (out / "portfolios" / "t-expert.html").exists()
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.suffix in {".html", ".csv"})
    assert "850101400123" not in everything  # the IIN never reaches a report


def test_unknown_edition_writes_nothing(tmp_path: Path) -> None:
    batch, evidence = write_batch(tmp_path)
    with pytest.raises(ValueError, match="unknown rules edition"):
        score_command(evidence, str(batch), str(tmp_path / "out"), "2030")
    assert not (tmp_path / "out").exists()
