"""Points for one indicator from its counted records, by the indicator's kind (level, hours, publication, count).

Each function sets `points` on the records so that they add up to the indicator's points, and returns
(indicator points, the rule that gave them, in Russian for the reviewer).
"""

from __future__ import annotations

from models import Category, EvidenceRecord, Result
from pipeline.scoring.counting import LEVEL_RU, authors, fold, group_events
from pipeline.scoring.rubric import Indicator, Rubric

WINNERS = (Result.winner, Result.prize)


def _not_counted(record: EvidenceRecord, why: str) -> None:
    record.counted, record.not_counted_reason, record.points = False, why, 0.0


def _merge_stages(records: list[EvidenceRecord], rubric: Rubric) -> list[EvidenceRecord]:
    """One record per event: the highest stage (seed 002_…: "кезеңдер бойынша … ең жоғары бір деңгейі")."""
    kept = []
    for group in group_events(records, rubric):
        best = max(group, key=lambda r: r.level.rank)
        kept.append(best)
        for other in group:
            if other is not best:
                _not_counted(other, f"то же мероприятие учтено один раз, на высшем этапе ({best.source})")
    return kept


def _value(record: EvidenceRecord, indicator: Indicator) -> float:
    n = authors(record)
    if indicator.coauthor_points is not None and n is not None and n > 1:
        return float(indicator.coauthor_points)  # seed 002_…: co-authored work gets 2 points
    return float(indicator.level_points.get(record.level, 0))


def _bonus(records: list[EvidenceRecord], indicator: Indicator) -> tuple[float, EvidenceRecord | None]:
    # seed 002_…, explanation: +1 once per indicator if any winner certificate, not per winner
    winner = next((r for r in records if r.result in WINNERS), None)
    return (float(indicator.winner_bonus), winner) if indicator.winner_bonus and winner else (0.0, None)


def score_level(records: list[EvidenceRecord], indicator: Indicator, rubric: Rubric) -> tuple[float, str]:
    eligible = list(records)
    kept = _merge_stages(records, rubric)
    for r in kept:
        r.points = 0.0
    if rubric.aggregate == "highest":
        # seed 004_…: "один общий балл в соответствии с уровнем представления … баллы … не суммируются"
        best = max(kept, key=lambda r: _value(r, indicator))
        best.points = total = _value(best, indicator)
        how = f"один балл по высшему уровню: «{LEVEL_RU[best.level.value]}» = {total:g}"
    else:
        # seed 002_…: different events add up
        for r in kept:
            r.points = _value(r, indicator)
        total = sum(r.points or 0 for r in kept)
        how = f"сумма по {len(kept)} разным мероприятиям = {total:g}"
    # The bonus may come from a lower stage of a counted event: it proves a winner all the same.
    bonus, winner = _bonus(eligible, indicator)
    if winner is not None:
        target = winner if winner in kept else max(kept, key=lambda r: r.points or 0)
        target.points = (target.points or 0) + bonus
        total += bonus
        how += f"; +{bonus:g} за победителя/призёра (один раз на показатель)"
    return float(total), how


def score_hours(records: list[EvidenceRecord], indicator: Indicator, rubric: Rubric, category: Category):
    programmes: dict[str, EvidenceRecord] = {}
    for r in records:
        key = fold(str(r.extra.get("programme") or r.event_name or r.doc_id))
        first = programmes.get(key)
        if first is None:
            programmes[key] = r
        else:
            # seed 004_…: "Сертификат учитывается только один раз … прошёл обучение … по одной и той же программе"
            keep, drop = (r, first) if (r.hours or 0) > (first.hours or 0) else (first, r)
            programmes[key] = keep
            _not_counted(drop, f"та же программа уже учтена ({keep.source})")
    kept = list(programmes.values())
    hours = sum(r.hours or 0 for r in kept)  # seed 002_…: hours of different programmes add up
    for r in kept:
        r.points = 0.0
    # Points by the highest tier reached, from the claimed category's tier up (seed 004_…: "балл выставляется
    # в соответствии с количеством часов"; "ставится балл соответствия заявляемой категории или выше").
    reached = [
        c
        for c in rubric.categories[rubric.rank(category) :]
        if c in indicator.min_hours and hours >= indicator.min_hours[c]
    ]
    needed = indicator.min_hours.get(category, 0)
    if not reached:
        return 0.0, f"{hours} ч по {len(kept)} программам < {needed} ч, требуемых для «{category.value}»"
    tier = reached[-1]
    total = float(indicator.points.get(tier, 0))
    kept[0].points = total
    return total, f"{hours} ч по {len(kept)} программам ≥ {indicator.min_hours[tier]} ч (порог «{tier.value}»)"


def _publication_value(record: EvidenceRecord, indicator: Indicator, rubric: Rubric, category: Category) -> float:
    where = " ".join(fold(str(v)) for v in (record.event_name, record.issuer, record.extra.get("edition")) if v)
    if record.extra.get("indexed") is True or any(w in where for w in rubric.indexed_words):
        return float(indicator.indexed_points or 0)  # seeds 000_…, 001_…: КОКНВО / Scopus / WoS — 7
    n = authors(record)
    if n is not None and n > 1 and indicator.coauthor_points is not None:
        return float(indicator.coauthor_points)  # seed 002_…: co-authored — 2
    return float(indicator.points.get(category, 0))


def score_publication(records: list[EvidenceRecord], indicator: Indicator, rubric: Rubric, category: Category):
    kept = []
    works: dict[str, EvidenceRecord] = {}
    for r in records:
        r.points = _publication_value(r, indicator, rubric, category)
        key = fold(str(r.extra.get("title") or r.event_name or r.doc_id))
        first = works.get(key)
        if first is None:
            works[key] = r
            kept.append(r)
        else:
            # seed 002_…: one work published in several editions or levels is not counted twice
            keep, drop = (r, first) if (r.points or 0) > (first.points or 0) else (first, r)
            if keep is r:
                kept[kept.index(first)] = r
                works[key] = r
            _not_counted(drop, f"та же работа уже учтена ({keep.source})")
    if rubric.aggregate == "highest":
        best = max(kept, key=lambda r: r.points or 0)
        for r in kept:
            r.points = r.points if r is best else 0.0
        total = best.points or 0.0
        return total, f"одна публикация с наибольшим баллом = {total:g}"
    total = float(sum(r.points or 0 for r in kept))
    return total, f"сумма по {len(kept)} разным работам = {total:g}"


def score_count(records: list[EvidenceRecord], indicator: Indicator, rubric: Rubric, category: Category):
    kept = _merge_stages(records, rubric)
    per_item, cap = indicator.per_item.get(category, 0), indicator.cap.get(category, 0)
    total = 0.0
    for r in kept:
        r.points = float(min(per_item, max(0.0, cap - total)))
        total += r.points
    # seed 002_… row 3.1: "6 (1 үшін 2 ұпай)", "9 (1 үшін 3 ұпай)"
    return total, f"{len(kept)} мероприятий × {per_item:g}, не более {cap:g} = {total:g}"
