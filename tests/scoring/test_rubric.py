"""Scoring rules, each expectation computed by hand from the seed tables (domain.md summarises them)."""

from __future__ import annotations

from datetime import date

import pytest

from models import (
    Achiever,
    Activity,
    Applicant,
    Category,
    DocType,
    EvidenceRecord,
    Flag,
    Level,
    Manifest,
    OrganizationType,
    Period,
    PortfolioInput,
    Position,
    Result,
    Verdict,
)
from pipeline.scoring import required_level, score_portfolio


def manifest(position: str = "teacher", category: str = "expert", org: str = "school") -> Manifest:
    return Manifest(
        applicant=Applicant(full_name="Иванова Мария Петровна"),
        position=Position(position),
        organization_type=OrganizationType(org),
        claimed_category=Category(category),
        period=Period(**{"from": date(2021, 1, 1), "to": date(2025, 5, 31)}),
    )


def rec(n: int, activity: Activity, level: Level = Level.region, result: Result | None = None, **kw) -> EvidenceRecord:
    defaults = dict(
        doc_type=DocType.diploma,
        approved_list_id="rep-olympiad-general",
        event_name=f"event {n}",
        person_name=f"Ученик {n}",
        achiever=Achiever.student if activity is Activity.student_contest else Achiever.applicant,
    )
    defaults.update(kw)
    return EvidenceRecord(
        portfolio_id="p",
        source=f"{n}.pdf",
        pages=[1],
        doc_id=f"d{n}",
        activity=activity,
        level=level,
        result=result,
        **defaults,
    )


def score(m: Manifest, records: list[EvidenceRecord], edition: str = "2025"):
    return score_portfolio(PortfolioInput(portfolio_id="p", manifest=m), records, edition)


def course(n: int, hours: int, programme: str) -> EvidenceRecord:
    return rec(
        n,
        Activity.course,
        Level.unknown,
        doc_type=DocType.course_certificate,
        hours=hours,
        event_name=programme,
        approved_list_id=None,
        extra={"programme": programme},
    )


def test_required_level_follows_the_category_ladder() -> None:
    # seed 002_… appendix 8: 2.1 needs school / district / region / republic for moderator … master
    assert required_level(Position.teacher, None, Category.expert, Activity.student_contest) == ("2.1", Level.district)
    assert required_level(Position.teacher, None, Category.master, Activity.working_group) == ("3.4", Level.republic)
    # seed 002_… appendix 11: heads 2.4 district / region / republic for third / second / first
    assert required_level(Position.head, None, Category.second, Activity.student_contest) == ("2.4", Level.region)
    assert required_level(Position.teacher, None, Category.expert, Activity.course) == ("4.1", None)


def test_same_olympiad_at_three_stages_counts_once_at_its_highest_level_2025() -> None:
    # seed 002_…: the same event at several stages counts once, at its highest level; region = 3 points
    stages = [
        rec(i, Activity.student_contest, lvl, Result.prize, person_name="Ким Артём")
        for i, lvl in enumerate([Level.district, Level.region, Level.school])
    ]
    s = score(manifest(category="expert"), [*stages, course(9, 72, "A")])
    # expert: school stage below the district requirement is not counted; region 3 + 1 prize bonus = 4
    assert s.indicators["2.1"] == 4
    assert stages[2].counted is False and "below" in (stages[2].not_counted_reason or "")


def test_two_winners_get_the_bonus_once_and_pilot_sums_distinct_events() -> None:
    records = [
        rec(1, Activity.student_contest, Level.region, Result.winner),
        rec(2, Activity.student_contest, Level.district, Result.winner),
        course(9, 80, "A"),
    ]
    # 2025 (seed 004_…): one score by the highest level: region 3, +1 once
    assert score(manifest(category="expert"), records).indicators["2.1"] == 4
    # pilot 2024 (seed 002_…): distinct events summed: 3 + 2, +1 once
    assert score(manifest(category="expert"), records, "pilot-2024").indicators["2.1"] == 6


def test_course_hours_sum_distinct_programmes_and_a_repeat_counts_once() -> None:
    # seed 002_…: 4.1 researcher needs 80 hours → 3 points; the same programme twice counts once
    s = score(manifest(category="researcher"), [course(1, 36, "A"), course(2, 36, "A"), course(3, 36, "B")])
    assert s.indicators["4.1"] == 0  # 72 h < 80 h
    s = score(manifest(category="researcher"), [course(1, 36, "A"), course(2, 48, "B")])
    assert s.indicators["4.1"] == 3  # 84 h ≥ 80 h
    # preschool staff need 36 / 36 / 72 / 80 hours
    s = score(manifest(category="expert", org="preschool"), [course(1, 36, "A")])
    assert s.indicators["4.1"] == 1


def test_below_level_and_outside_period_evidence_is_not_counted_and_verdict_is_below() -> None:
    low = rec(1, Activity.student_contest, Level.school, Result.winner)
    late = rec(2, Activity.student_contest, Level.region, Result.winner)
    late.flags.append(Flag.outside_period)
    s = score(manifest(category="expert"), [low, late, course(9, 72, "A")])
    assert s.indicators["2.1"] == 0 and s.verdict is Verdict.below
    assert late.not_counted_reason == "outside the attestation period"


def test_awards_without_an_approved_event_earn_nothing() -> None:
    # domain.md: грамоты and letters of thanks earn no points as such
    letter = rec(
        1,
        Activity.professional_contest,
        Level.region,
        Result.participant,
        doc_type=DocType.gratitude_letter,
        approved_list_id=None,
    )
    s = score(manifest(category="expert"), [letter, course(9, 72, "A")])
    assert s.indicators["2.2"] == 0 and letter.counted is False


def test_head_second_category_thresholds_and_verdict_meets() -> None:
    # seed 000_…: head, second category: 2.4 region → 3 (+1 winner); 5.1 needs 80 h → 3; total required 49
    records = [rec(1, Activity.student_contest, Level.region, Result.winner), course(2, 80, "Менеджмент")]
    s = score(manifest("head", "second"), records)
    assert (s.indicators["2.4"], s.indicators["5.1"], s.threshold) == (4, 3, 49)
    assert s.verdict is Verdict.meets and s.total == 7
    assert score(manifest("head", "second", "tvet"), records).threshold == 46


def test_no_manifest_needs_review() -> None:
    s = score_portfolio(PortfolioInput(portfolio_id="p"), [course(1, 72, "A")])
    assert s.verdict is Verdict.needs_review and s.reasons


@pytest.mark.parametrize(
    ("position", "category", "threshold"),
    [("teacher", "master", 134), ("methodist", "researcher", 35), ("deputy_head", "first", 62)],
)
def test_thresholds_from_the_seeds(position: str, category: str, threshold: int) -> None:
    assert score(manifest(position, category), []).threshold == threshold
