"""Batch discovery (shared/contract.md, Input): portfolios, manifests, stray and system files."""

from __future__ import annotations

import json
from pathlib import Path

from models import Category, Position
from pipeline.ingest import discover
from pipeline.storage import LocalStorage

MANIFEST = {
    "applicant": {"full_name": "Сейткали Айгерім Нұрланқызы", "iin": "850101400123"},
    "position": "teacher",
    "organization_type": "school",
    "claimed_category": "expert",
    "period": {"from": "2020-09-01", "to": "2025-05-31"},
}


def make_batch(root: Path) -> None:
    (root / "p1" / "sub").mkdir(parents=True)
    (root / "p1" / "portfolio.json").write_text(json.dumps(MANIFEST, ensure_ascii=False), encoding="utf-8")
    (root / "p1" / "диплом.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "p1" / "sub" / "b.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "p1" / ".DS_Store").write_bytes(b"x")
    (root / "p2").mkdir()
    (root / "p2" / "portfolio.json").write_text("{not json", encoding="utf-8")
    (root / "p2" / "a.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "p3").mkdir()
    (root / "p3" / "x.docx").write_bytes(b"PK")
    (root / "loose.pdf").write_bytes(b"%PDF-1.4\n")


def test_discover_reads_manifests_files_and_strays(tmp_path: Path) -> None:
    make_batch(tmp_path)
    portfolios, stray = discover(LocalStorage(tmp_path))
    assert [p.portfolio_id for p in portfolios] == ["p1", "p2", "p3"]
    p1, p2, p3 = portfolios
    assert p1.files == ["sub/b.jpg", "диплом.pdf"]
    assert p1.manifest is not None
    assert p1.manifest.position is Position.teacher
    assert p1.manifest.claimed_category is Category.expert
    assert p1.manifest.period is not None and str(p1.manifest.period.from_) == "2020-09-01"
    assert p2.manifest is None and p2.manifest_error and "portfolio.json is invalid" in p2.manifest_error
    assert p2.files == ["a.pdf"]
    assert p3.manifest is None and p3.manifest_error is None
    assert stray == ["loose.pdf"]


def test_manifest_repr_hides_the_iin(tmp_path: Path) -> None:
    make_batch(tmp_path)
    portfolios, _ = discover(LocalStorage(tmp_path))
    assert "850101400123" not in repr(portfolios[0])
