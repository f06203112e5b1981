"""Counting rules (domain.md, "Scoring rules common to both"; seeds 002_…, 004_…, 000_…)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from models import (
    Category,
    DocType,
    EvidenceRecord,
    Flag,
    IndicatorScore,
    OrganizationType,
    PortfolioInput,
    PortfolioSummary,
    Result,
    Verdict,
)
from pipeline.scoring.rubric import edition, position_rubric, threshold

_RANK = {"unknown": 0, "school": 1, "district": 2, "region": 3, "republic": 4, "international": 4}
# Flags that make evidence not count at all; the others only send the portfolio to review.
_NOT_COUNTED = {
    Flag.not_in_approved_list: "event not on the approved list",
    Flag.commercial_organizer: "paid/commercial organiser",
    Flag.outside_period: "outside the attestation period",
    Flag.name_mismatch: "not the applicant's (or their student's) document",
    Flag.unreadable: "unreadable",
    Flag.encrypted: "encrypted",
    Flag.not_pdf: "not a PDF scan (seed 000_…: only PDF scans are accepted)",
}
_REVIEW_FLAGS = {Flag.missing_stamp, Flag.missing_signature, Flag.possible_tampering, Flag.low_ocr_confidence}
_AWARDS = {DocType.honor_certificate, DocType.gratitude_letter}


def _event_key(record: EvidenceRecord) -> str:
    """The same event at several stages counts once (seed 002_…): group by approved id or folded name + person."""
    name = record.approved_list_id or re.sub(r"\W+", " ", (record.event_name or record.doc_id).lower()).strip()
    return f"{name}|{(record.person_name or '').lower()}"


def _exclusion(
    record: EvidenceRecord, rule: dict[str, Any], category: Category, duplicates_seen: set[str]
) -> str | None:
    for flag, why in _NOT_COUNTED.items():
        if flag in record.flags:
            return why
    if Flag.duplicate in record.flags:
        key = record.file_sha256 or record.text_hash or record.doc_id
        if key in duplicates_seen:
            return "a duplicate of counted evidence"
        duplicates_seen.add(key)
    if rule.get("approved_only") and record.approved_list_id is None:
        return "event not on the approved list"
    if record.doc_type in _AWARDS and (record.approved_list_id is None or record.result is None):
        return "an award as such earns no points (domain.md): it must prove a result in a listed contest"
    needed = (rule.get("required_level") or {}).get(category.value)
    if needed and _RANK[record.level.value] < _RANK[needed]:
        return f"level {record.level.value} is below the {needed} level the {category.value} category needs"
    return None


def _score_level(records: list[EvidenceRecord], rule: dict[str, Any], aggregate: str) -> tuple[float, str]:
    groups: dict[str, EvidenceRecord] = {}
    for r in records:
        key = _event_key(r)
        if key not in groups or _RANK[r.level.value] > _RANK[groups[key].level.value]:
            groups[key] = r
    points_by_level = rule["level_points"]
    for r in records:
        r.points = 0.0
    for r in groups.values():
        r.points = float(points_by_level.get(r.level.value, 0))
    if aggregate == "highest":
        best = max(groups.values(), key=lambda r: r.points or 0)
        total, how = best.points or 0.0, f"highest level counted: {best.level.value}"
        for r in groups.values():
            r.points = r.points if r is best else 0.0
    else:
        total, how = sum(r.points or 0 for r in groups.values()), f"{len(groups)} distinct event(s) summed"
    if rule.get("winner_bonus") and any(r.result in (Result.winner, Result.prize) for r in records):
        total += rule["winner_bonus"]
        how += f"; +{rule['winner_bonus']} for a winner/prize-winner (once per indicator)"
    return float(total), how


def _score_hours(
    records: list[EvidenceRecord], rule: dict[str, Any], category: Category, preschool: bool
) -> tuple[float, str]:
    programmes: dict[str, int] = {}
    for r in records:
        key = re.sub(r"\W+", " ", str(r.extra.get("programme") or r.event_name or r.doc_id).lower()).strip()
        programmes[key] = max(programmes.get(key, 0), r.hours or 0)  # the same programme twice counts once
        r.points = 0.0
    hours = sum(programmes.values())
    table = rule.get("preschool_min_hours") if preschool and rule.get("preschool_min_hours") else rule["min_hours"]
    needed = table.get(category.value, 0)
    if hours >= needed:
        return float(
            rule["points"].get(category.value, 0)
        ), f"{hours} h over {len(programmes)} programme(s) ≥ {needed} h"
    return 0.0, f"{hours} h over {len(programmes)} programme(s) < {needed} h required"


def _score_other(records: list[EvidenceRecord], rule: dict[str, Any], category: Category) -> tuple[float, str]:
    for r in records:
        r.points = 0.0
    if rule["kind"] == "publication":
        base = float(rule["points"].get(category.value, 0))
        if not base:
            return 0.0, f"no points for publications at {category.value} (seed 002_…)"
        return base, f"publication at {category.value}: {base:g} points"
    per_item, cap = rule["per_item"].get(category.value, 0), rule["cap"].get(category.value, 0)
    total = min(cap, per_item * len(records))
    return float(total), f"{len(records)} item(s) × {per_item} up to {cap}"


def score_portfolio(
    portfolio: PortfolioInput, records: list[EvidenceRecord], edition_name: str = "2025"
) -> PortfolioSummary:
    manifest = portfolio.manifest
    summary = PortfolioSummary(
        portfolio_id=portfolio.portfolio_id,
        edition=edition_name,
        documents=sum(1 for r in records if not r.error),
        flags_count=sum(len(r.flags) for r in records),
    )
    if manifest is None or manifest.claimed_category is None:
        summary.reasons.append(
            portfolio.manifest_error or "no portfolio.json: the claimed category is unknown, nothing scored"
        )
        summary.verdict = Verdict.needs_review
        if manifest is not None:
            summary.applicant, summary.position = manifest.applicant.full_name, manifest.position
        return summary
    position, category = manifest.position, manifest.claimed_category
    summary.applicant, summary.position, summary.claimed_category = manifest.applicant.full_name, position, category
    rubric, rules = position_rubric(position, edition_name), edition(edition_name)
    summary.threshold = threshold(position, manifest.organization_type, category, edition_name)
    summary.not_assessed = list(rubric.get("not_assessed", []))
    preschool = manifest.organization_type is OrganizationType.preschool
    by_indicator: dict[str, list[EvidenceRecord]] = defaultdict(list)
    for r in records:
        r.indicator, r.points, r.counted, r.not_counted_reason = None, None, None, None
        for code, rule in rubric["indicators"].items():
            if r.activity is not None and rule["activity"] == r.activity.value:
                r.indicator = code
                by_indicator[code].append(r)
    duplicates_seen: set[str] = set()
    flagged_counted = False
    for code, rule in rubric["indicators"].items():
        counted = []
        for r in by_indicator.get(code, []):
            why = _exclusion(r, rule, category, duplicates_seen)
            r.counted, r.not_counted_reason = why is None, why
            if why:
                r.points = 0.0
            else:
                counted.append(r)
        detail = IndicatorScore(code=code, title=rule.get("title", ""), rule="no counted evidence")
        needed = (rule.get("required_level") or {}).get(category.value)
        detail.required_level = needed
        if counted:
            if rule["kind"] == "level":
                detail.points, detail.rule = _score_level(counted, rule, rules.get("aggregate", "highest"))
            elif rule["kind"] == "hours":
                detail.points, detail.rule = _score_hours(counted, rule, category, preschool)
            else:
                detail.points, detail.rule = _score_other(counted, rule, category)
            flagged_counted |= any(set(r.flags) & _REVIEW_FLAGS or Flag.level_below_claimed in r.flags for r in counted)
        detail.evidence = [r.doc_id for r in counted]
        detail.not_counted = {r.doc_id: r.not_counted_reason or "" for r in by_indicator.get(code, []) if not r.counted}
        summary.indicators[code] = detail.points
        summary.indicator_details.append(detail)
    summary.total = float(sum(summary.indicators.values()))
    missing = [c for c in rubric.get("required", {}).get(category.value, []) if not summary.indicators.get(c)]
    if missing:
        summary.verdict = Verdict.below
        summary.reasons.append(f"required indicator(s) without counted evidence: {', '.join(missing)}")
    elif flagged_counted or any(Flag.low_ocr_confidence in r.flags for r in records):
        summary.verdict = Verdict.needs_review
        summary.reasons.append("counted evidence carries flags (stamp, tampering or OCR confidence)")
    else:
        summary.verdict = Verdict.meets
    gap = (summary.threshold or 0) - summary.total
    if gap > 0:
        summary.reasons.append(
            f"document-provable points {summary.total:g} of {summary.threshold:g}; "
            f"{gap:g} must come from indicators not assessed here ({', '.join(summary.not_assessed)})"
        )
    return summary
