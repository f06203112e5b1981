"""`portfolio-screen score`: re-score from an evidence file and the manifests, reading no document again."""

from __future__ import annotations

from pathlib import Path

from models import EvidenceRecord, PortfolioSummary
from pipeline.ingest import discover
from pipeline.output import EVIDENCE, PORTFOLIOS, THUMBS, write_jsonl
from pipeline.reports import write_reports
from pipeline.scoring.engine import score_portfolio
from pipeline.storage import open_storage


def score_command(evidence: Path, batch_url: str, out_url: str, edition: str = "2025") -> list[PortfolioSummary]:
    records = [
        EvidenceRecord.model_validate_json(line)
        for line in evidence.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    portfolios, _ = discover(open_storage(batch_url))
    by_portfolio: dict[str, list[EvidenceRecord]] = {}
    for record in records:
        by_portfolio.setdefault(record.portfolio_id, []).append(record)
    summaries = [score_portfolio(p, by_portfolio.get(p.portfolio_id, []), edition) for p in portfolios]
    out = open_storage(out_url)
    source_dir = open_storage(str(evidence.parent))
    thumbnails = {
        r.doc_id: source_dir.read_bytes(f"{THUMBS}/{r.doc_id}.jpg")
        for r in records
        if source_dir.exists(f"{THUMBS}/{r.doc_id}.jpg")
    }
    write_jsonl(out, EVIDENCE, records)
    write_jsonl(out, PORTFOLIOS, summaries)
    write_reports(out, summaries, records, thumbnails)
    return summaries
