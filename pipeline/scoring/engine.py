"""One portfolio's score: which evidence counts for which indicator, the points, the verdict and its reasons."""

from __future__ import annotations

from collections import defaultdict

from models import (
    Category,
    EvidenceRecord,
    Flag,
    IndicatorScore,
    Manifest,
    PortfolioInput,
    PortfolioSummary,
    Position,
    Verdict,
)
from pipeline.scoring.counting import LEVEL_RU, REVIEW_FLAGS, content_key, exclusion
from pipeline.scoring.points import score_count, score_hours, score_level, score_publication
from pipeline.scoring.rubric import DEFAULT_EDITION, Indicator, Rubric, load_rubric

VERDICT_RU = {"below": "ниже требований", "needs_review": "требует проверки", "meets": "соответствует"}


def manifest_variant(manifest: Manifest) -> str | None:
    """A rubric variant (mentor/psychologist, methodical cabinet) from the manifest's optional `variant`/`role`."""
    extra = manifest.model_extra or {}
    value = extra.get("variant") or extra.get("role")
    return str(value) if value else None


def _reset(records: list[EvidenceRecord]) -> None:
    for r in records:
        r.indicator, r.points, r.counted, r.not_counted_reason = None, None, None, None


def _unscored(summary: PortfolioSummary, records: list[EvidenceRecord], why: str, edition: str) -> PortfolioSummary:
    """No claimed category: indicators are filled by the teacher's mapping (or the manifest's position), no points."""
    rubric = load_rubric(summary.position or Position.teacher, None, edition)
    for r in records:
        indicator = rubric.indicator_for(r.activity) if r.activity else None
        r.indicator = indicator.code if indicator else None
    summary.verdict = Verdict.needs_review
    summary.reasons.append(why)
    return summary


def _score_indicator(
    indicator: Indicator, records: list[EvidenceRecord], rubric: Rubric, category: Category
) -> tuple[float, str]:
    if not indicator.applies_to(category):
        return 0.0, f"для категории «{category.value}» не оценивается (в листе «—»)"
    if not records:
        return 0.0, "нет засчитанных документов"
    if indicator.kind == "level":
        return score_level(records, indicator, rubric)
    if indicator.kind == "hours":
        return score_hours(records, indicator, rubric, category)
    if indicator.kind == "publication":
        return score_publication(records, indicator, rubric, category)
    return score_count(records, indicator, rubric, category)


def _eligible(
    records: list[EvidenceRecord], rubric: Rubric, manifest: Manifest, category: Category, review: list[str]
) -> dict[str, list[EvidenceRecord]]:
    """Assign indicators, apply the exclusion rules and the duplicate rule; return the eligible per indicator."""
    by_indicator: dict[str, list[EvidenceRecord]] = defaultdict(list)
    counted_keys: set[str] = set()
    for r in records:
        indicator = rubric.indicator_for(r.activity) if r.activity else None
        if indicator is None:
            r.counted = False
            r.not_counted_reason = (
                f"документ не прочитан: {r.error}"
                if r.error
                else "не относится ни к одному показателю, подтверждаемому документами, для этой должности"
            )
            continue
        r.indicator = indicator.code
        why = exclusion(r, indicator, rubric, manifest, category)
        key = content_key(r)
        if why is None and Flag.duplicate in r.flags:
            if key in counted_keys:
                why = "копия уже засчитанного документа"
            else:
                review.append(f"{r.source}: документ встречается в другом месте (duplicate) — засчитан как первый")
        if why is not None:
            r.counted, r.not_counted_reason, r.points = False, why, 0.0
            continue
        counted_keys.add(key)
        by_indicator[indicator.code].append(r)
    return by_indicator


def _review_reasons(counted: list[EvidenceRecord], rubric: Rubric) -> list[str]:
    reasons = []
    for r in counted:
        flags = [f.value for f in r.flags if f in REVIEW_FLAGS]
        if Flag.level_below_claimed in r.flags:
            flags.append("level_below_claimed (уровень исправлен? сверить)")
        if flags:
            reasons.append(f"{r.source}: засчитанный документ с отметками {', '.join(flags)}")
        if 0 < r.confidence < rubric.min_confidence:
            reasons.append(f"{r.source}: поля извлечены неуверенно (уверенность {r.confidence:.2f})")
    return reasons


def score_portfolio(
    portfolio: PortfolioInput, records: list[EvidenceRecord], edition: str = DEFAULT_EDITION
) -> PortfolioSummary:
    """Fills, in place, each record's indicator, points, counted and not_counted_reason; returns the summary."""
    _reset(records)
    manifest = portfolio.manifest
    summary = PortfolioSummary(
        portfolio_id=portfolio.portfolio_id,
        edition=edition,
        documents=sum(1 for r in records if not r.error),
        files=len(portfolio.files),
        flags_count=sum(len(r.flags) for r in records),
    )
    if manifest is None:
        why = portfolio.manifest_error or "нет portfolio.json: заявленная категория неизвестна, баллы не начислены"
        return _unscored(summary, records, why, edition)
    summary.applicant, summary.position = manifest.applicant.full_name, manifest.position
    category = manifest.claimed_category
    rubric = load_rubric(manifest.position, manifest.organization_type, edition, manifest_variant(manifest))
    if category is None or category not in rubric.categories:
        why = f"заявленная категория «{category}» не подходит к должности «{manifest.position.value}»"
        return _unscored(summary, records, why if category else "в portfolio.json нет заявленной категории", edition)
    summary.claimed_category = category
    summary.threshold = float(rubric.thresholds[category])
    summary.not_assessed = list(rubric.not_assessed)

    review: list[str] = []
    by_indicator = _eligible(records, rubric, manifest, category, review)
    for code, indicator in rubric.indicators.items():
        mine = by_indicator.get(code, [])
        points, rule = _score_indicator(indicator, mine, rubric, category)
        for r in mine:
            if r.counted is None:
                r.counted = True
        needed = indicator.required_level.get(category)
        summary.indicators[code] = points
        summary.indicator_details.append(
            IndicatorScore(
                code=code,
                title=indicator.title,
                points=points,
                required_level=needed.value if needed else None,
                rule=f"{rule} [{indicator.source}]",
                evidence=[r.doc_id for r in mine if r.counted],
                not_counted={
                    r.doc_id: r.not_counted_reason or "" for r in records if r.indicator == code and not r.counted
                },
            )
        )
    summary.total = float(sum(summary.indicators.values()))
    # A document nobody could read may hold evidence the sheet needs: a person must open it.
    review += [
        f"{r.source}: документ не прочитан — проверить вручную"
        for r in records
        if r.error or Flag.unreadable in r.flags or Flag.encrypted in r.flags
    ]
    _verdict(summary, rubric, category, [r for r in records if r.counted], review, portfolio.manifest_error)
    return summary


def _verdict(
    summary: PortfolioSummary,
    rubric: Rubric,
    category: Category,
    counted: list[EvidenceRecord],
    review: list[str],
    manifest_error: str | None,
) -> None:
    # seeds 000_…, 001_…, 004_…: every criterion of the claimed category must be met
    missing = [code for code in rubric.required(category) if not summary.indicators.get(code)]
    review = review + _review_reasons(counted, rubric) + ([manifest_error] if manifest_error else [])
    if missing:
        summary.verdict = Verdict.below
        titles = "; ".join(f"{c} {rubric.indicators[c].title}" for c in missing)
        summary.reasons.append(f"обязательные показатели без засчитанных документов: {titles}")
    elif review:
        summary.verdict = Verdict.needs_review
    else:
        summary.verdict = Verdict.meets
    summary.reasons.extend(review)
    gap = (summary.threshold or 0) - summary.total
    if gap > 0:
        summary.reasons.append(
            f"по документам {summary.total:g} из порога {summary.threshold:g}: недостающие {gap:g} должны дать "
            f"показатели, не оцениваемые по документам ({', '.join(summary.not_assessed) or '—'})"
        )


__all__ = ["LEVEL_RU", "VERDICT_RU", "manifest_variant", "score_portfolio"]
