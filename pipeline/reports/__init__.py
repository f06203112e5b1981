"""Reports for people, in Russian: the batch at a glance, a pre-filled scoring sheet per portfolio, and a CSV.

Every HTML file is self-contained (inline CSS, thumbnails as data: URIs) so it opens from disk; text is
HTML-escaped by Jinja2 and IINs are masked before anything is written.
"""

from __future__ import annotations

import base64
import csv
import io
from collections import Counter
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from models import EvidenceRecord, PortfolioSummary
from pipeline.privacy import mask_iin
from pipeline.reports import labels
from pipeline.storage import Storage

TEMPLATES = Path(__file__).parent / "templates"
CSV_NAME = "portfolios.csv"
BATCH_HTML = "report.html"


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ru"] = lambda value, table: labels.label(getattr(labels, table), value)
    env.filters["num"] = lambda value: "—" if value is None else f"{value:g}"
    return env


def severity_key(summary: PortfolioSummary) -> tuple[int, int, str]:
    """below first, then needs_review with the most flags first, then meets (issue 5, item 6)."""
    return labels.SEVERITY[summary.verdict.value], -summary.flags_count, summary.portfolio_id


def severity_queue(summaries: list[PortfolioSummary]) -> list[PortfolioSummary]:
    return sorted(summaries, key=severity_key)


def portfolios_csv(summaries: list[PortfolioSummary]) -> bytes:
    codes = sorted({code for s in summaries for code in s.indicators}, key=lambda c: [int(x) for x in c.split(".")])
    head = ["portfolio_id", "applicant", "position", "claimed_category", "edition"]
    tail = ["total", "threshold", "verdict", "flags_count", "not_assessed", "reasons"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(head + codes + tail)
    for s in severity_queue(summaries):
        writer.writerow(
            [
                s.portfolio_id,
                s.applicant or "",
                s.position.value if s.position else "",
                s.claimed_category.value if s.claimed_category else "",
                s.edition or "",
                *[f"{s.indicators[c]:g}" if c in s.indicators else "" for c in codes],
                f"{s.total:g}",
                "" if s.threshold is None else f"{s.threshold:g}",
                s.verdict.value,
                s.flags_count,
                " ".join(s.not_assessed),
                "; ".join(s.reasons),
            ]
        )
    # BOM: spreadsheet programs then read the Cyrillic as UTF-8
    return ("\ufeff" + mask_iin(buffer.getvalue())).encode("utf-8")


def _css() -> str:
    return (TEMPLATES / "base.css").read_text(encoding="utf-8")


def render_batch(summaries: list[PortfolioSummary], records: list[EvidenceRecord]) -> str:
    verdicts = Counter(s.verdict.value for s in summaries)
    flags = Counter(f.value for r in records for f in r.flags)
    html = (
        _env()
        .get_template("batch.html.j2")
        .render(
            css=_css(),
            queue=severity_queue(summaries),
            documents=sum(1 for r in records if r.error is None),
            errors=sum(1 for r in records if r.error),
            verdicts=[(v, verdicts.get(v, 0)) for v in labels.SEVERITY],
            flags=flags.most_common(),
            editions=sorted({s.edition for s in summaries if s.edition}),
        )
    )
    return mask_iin(html)


def render_portfolio(summary: PortfolioSummary, records: list[EvidenceRecord], thumbs: dict[str, str]) -> str:
    html = (
        _env()
        .get_template("portfolio.html.j2")
        .render(css=_css(), s=summary, records=records, thumbs=thumbs, by_doc={r.doc_id: r for r in records})
    )
    return mask_iin(html)


def write_reports(
    out: Storage, summaries: list[PortfolioSummary], records: list[EvidenceRecord], thumbnails: dict[str, bytes]
) -> None:
    """OUT/report.html, OUT/portfolios/<id>.html and OUT/portfolios.csv (each written atomically)."""
    thumbs = {doc_id: base64.b64encode(jpeg).decode("ascii") for doc_id, jpeg in thumbnails.items() if jpeg}
    out.write_bytes(BATCH_HTML, render_batch(summaries, records).encode("utf-8"))
    by_portfolio: dict[str, list[EvidenceRecord]] = {}
    for r in records:
        by_portfolio.setdefault(r.portfolio_id, []).append(r)
    for s in summaries:
        page = render_portfolio(s, by_portfolio.get(s.portfolio_id, []), thumbs)
        out.write_bytes(f"portfolios/{s.portfolio_id}.html", page.encode("utf-8"))
    out.write_bytes(CSV_NAME, portfolios_csv(summaries))
