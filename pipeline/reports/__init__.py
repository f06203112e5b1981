"""Reports for people, in Russian: the batch at a glance, a pre-filled scoring sheet per portfolio, and a CSV."""

from __future__ import annotations

import base64
import csv
import io
from collections import Counter
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from models import EvidenceRecord, PortfolioSummary
from pipeline.privacy import mask_iin
from pipeline.storage import Storage

TEMPLATES = Path(__file__).parent / "templates"
LABELS = {"below": "ниже требований", "needs_review": "требует проверки", "meets": "соответствует"}
_SEVERITY = {"below": 0, "needs_review": 1, "meets": 2}


def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2", "html"]))


def severity_queue(summaries: list[PortfolioSummary]) -> list[PortfolioSummary]:
    return sorted(summaries, key=lambda s: (_SEVERITY[s.verdict.value], -s.flags_count, s.portfolio_id))


def portfolios_csv(summaries: list[PortfolioSummary]) -> bytes:
    codes = sorted({code for s in summaries for code in s.indicators})
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "portfolio_id",
            "applicant",
            "position",
            "claimed_category",
            *codes,
            "total",
            "threshold",
            "verdict",
            "flags_count",
            "reasons",
        ]
    )
    for s in summaries:
        writer.writerow(
            [
                s.portfolio_id,
                s.applicant or "",
                s.position.value if s.position else "",
                s.claimed_category.value if s.claimed_category else "",
                *[s.indicators.get(c, "") for c in codes],
                s.total,
                "" if s.threshold is None else s.threshold,
                s.verdict.value,
                s.flags_count,
                "; ".join(s.reasons),
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets then read Cyrillic correctly


def write_reports(
    out: Storage, summaries: list[PortfolioSummary], records: list[EvidenceRecord], thumbnails: dict[str, bytes]
) -> None:
    env, css = _env(), (TEMPLATES / "base.css.j2").read_text(encoding="utf-8")
    thumbs = {doc_id: base64.b64encode(jpeg).decode() for doc_id, jpeg in thumbnails.items()}
    flags = Counter(f.value for r in records for f in r.flags)
    verdicts = Counter(s.verdict.value for s in summaries)
    batch = env.get_template("batch.html.j2").render(
        css=css,
        summaries=summaries,
        queue=severity_queue(summaries),
        labels=LABELS,
        documents=sum(1 for r in records if r.error is None),
        errors=sum(1 for r in records if r.error),
        verdicts=sorted(verdicts.items(), key=lambda kv: _SEVERITY[kv[0]]),
        flags=flags.most_common(),
    )
    out.write_bytes("report.html", mask_iin(batch).encode("utf-8"))
    page = env.get_template("portfolio.html.j2")
    for s in summaries:
        mine = [r for r in records if r.portfolio_id == s.portfolio_id]
        html = page.render(css=css, s=s, records=mine, thumbs=thumbs, labels=LABELS)
        out.write_bytes(f"portfolios/{s.portfolio_id}.html", mask_iin(html).encode("utf-8"))
    out.write_bytes("portfolios.csv", portfolios_csv(summaries))
