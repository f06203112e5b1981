"""Hand-built evidence records and manifests, as a reviewer would write them into an evidence.jsonl."""

from __future__ import annotations

from datetime import date
from typing import Any

from models import (
    Achiever,
    Activity,
    Applicant,
    Category,
    DocType,
    EvidenceRecord,
    Level,
    Manifest,
    OrganizationType,
    Period,
    PortfolioInput,
    PortfolioSummary,
    Position,
    Result,
)
from pipeline.scoring import score_portfolio

_DOC_TYPE = {
    Activity.student_contest: DocType.diploma,
    Activity.professional_contest: DocType.diploma,
    Activity.course: DocType.course_certificate,
    Activity.teaching_materials: DocType.protocol_extract,
    Activity.publication: DocType.publication,
}


def manifest(position: str = "teacher", category: str = "expert", org: str = "school", **extra: Any) -> Manifest:
    return Manifest(
        applicant=Applicant(full_name="Иванова Мария Петровна"),
        position=Position(position),
        organization_type=OrganizationType(org),
        claimed_category=Category(category),
        period=Period(**{"from": date(2021, 1, 1), "to": date(2025, 5, 31)}),
        **extra,
    )


def rec(
    n: int,
    activity: Activity,
    level: Level = Level.region,
    result: Result | None = None,
    **kw: Any,
) -> EvidenceRecord:
    fields: dict[str, Any] = dict(
        doc_type=_DOC_TYPE.get(activity, DocType.order),
        event_name=f"Мероприятие {n}",
        person_name=f"Ученик {n}" if activity is Activity.student_contest else "Иванова Мария Петровна",
        achiever=Achiever.student if activity is Activity.student_contest else Achiever.applicant,
        issued_on="2024-03-15",
    )
    if activity in (Activity.student_contest, Activity.professional_contest):
        fields["approved_list_id"] = f"approved-{n}"
    fields.update(kw)
    return EvidenceRecord(
        portfolio_id="p1",
        source=f"doc{n}.pdf",
        pages=[1],
        doc_id=f"d{n}",
        activity=activity,
        level=level,
        result=result,
        **fields,
    )


def course(n: int, hours: int, programme: str, **kw: Any) -> EvidenceRecord:
    return rec(n, Activity.course, Level.unknown, hours=hours, event_name=programme, **kw)


def score(m: Manifest | None, records: list[EvidenceRecord], edition: str = "2025") -> PortfolioSummary:
    return score_portfolio(PortfolioInput(portfolio_id="p1", manifest=m), records, edition)
