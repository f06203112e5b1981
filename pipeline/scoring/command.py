"""`portfolio-screen score`: re-score from an evidence file and the manifests, reading no document again."""

from __future__ import annotations

from pathlib import Path

from models import EvidenceRecord, PortfolioInput, PortfolioSummary
from pipeline.ingest import discover
from pipeline.output import EVIDENCE, PORTFOLIOS, THUMBS, write_jsonl
from pipeline.reports import write_reports
from pipeline.scoring.engine import score_portfolio
from pipeline.scoring.rubric import DEFAULT_EDITION, edition_data
from pipeline.storage import Storage, open_storage


def read_evidence(evidence: Path) -> list[EvidenceRecord]:
    """Records of an evidence.jsonl; a reviewer's hand edits are validated line by line, with the line named."""
    records = []
    for number, line in enumerate(evidence.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if line.strip():
            try:
                records.append(EvidenceRecord.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{evidence}:{number}: {str(exc).splitlines()[0]}") from exc
    return records


def _thumbnails(records: list[EvidenceRecord], *stores: Storage) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for record in records:
        key = f"{THUMBS}/{record.doc_id}.jpg"
        for store in stores:
            if record.doc_id and record.doc_id not in found and store.exists(key):
                found[record.doc_id] = store.read_bytes(key)
    return found


def score_command(
    evidence: Path, batch_url: str, out_url: str, edition: str = DEFAULT_EDITION
) -> list[PortfolioSummary]:
    edition_data(edition)  # an unknown edition fails before anything is written
    records = read_evidence(evidence)
    portfolios, _ = discover(open_storage(batch_url))
    known = {p.portfolio_id for p in portfolios}
    # Records of a portfolio with no folder in the batch are still scored (needs_review, no manifest).
    portfolios += [
        PortfolioInput(portfolio_id=pid)
        for pid in sorted({r.portfolio_id for r in records} - known)
        if pid  # stray files at the batch root belong to no portfolio
    ]
    by_portfolio: dict[str, list[EvidenceRecord]] = {}
    for record in records:
        by_portfolio.setdefault(record.portfolio_id, []).append(record)
    summaries = [score_portfolio(p, by_portfolio.get(p.portfolio_id, []), edition) for p in portfolios]
    out = open_storage(out_url)
    thumbnails = _thumbnails(records, out, open_storage(str(evidence.parent)))
    write_jsonl(out, EVIDENCE, records)
    write_jsonl(out, PORTFOLIOS, summaries)
    write_reports(out, summaries, records, thumbnails)
    return summaries
