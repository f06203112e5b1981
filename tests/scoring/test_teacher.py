"""Teacher scoring, both editions; each expectation is computed by hand from seed 002_… appendix 8 and seed 004_…."""

from __future__ import annotations

from models import Activity, Flag, Level, Result, Verdict
from tests.scoring.helpers import course, manifest, rec, score

A, L = Activity, Level


def expert_portfolio() -> list:
    return [
        rec(1, A.student_contest, L.region, Result.winner),  # 2.1: region 3, +1 winner
        rec(2, A.student_contest, L.district),  # 2.1: another event, district 2 (pilot adds it)
        rec(3, A.professional_contest, L.district),  # 2.2: 2
        rec(4, A.speech, L.district),  # 3.2: 2
        rec(5, A.working_group, L.region),  # 3.4: 3
        rec(6, A.teaching_materials, L.district),  # 3.5: 2
        course(7, 72, "Обновление содержания образования"),  # 4.1: 72 h ≥ 72 → 1
    ]


def test_teacher_expert_2025_one_score_per_indicator() -> None:
    # seed 004_…: "один общий балл … баллы за разные виды работ не суммируются"; seed 002_… appendix 8 points
    s = score(manifest("teacher", "expert"), expert_portfolio())
    assert s.indicators == {"2.1": 4, "2.2": 2, "3.1": 0, "3.2": 2, "3.3": 0, "3.4": 3, "3.5": 2, "4.1": 1}
    assert s.total == 14 and s.threshold == 84
    assert s.verdict is Verdict.meets, s.reasons
    assert s.not_assessed == ["1.1", "1.2"]
    assert any("84" in r and "1.1" in r for r in s.reasons)  # the gap to the threshold is explained


def test_teacher_expert_pilot_sums_distinct_events() -> None:
    # seed 002_…, explanation: different events add up; +1 once per indicator
    s = score(manifest("teacher", "expert"), expert_portfolio(), "pilot-2024")
    assert s.indicators["2.1"] == 3 + 2 + 1
    assert s.total == 6 + 2 + 2 + 3 + 2 + 1
    assert s.verdict is Verdict.meets


def test_records_carry_indicator_and_points_that_add_up() -> None:
    records = expert_portfolio()
    s = score(manifest("teacher", "expert"), records)
    by_indicator: dict[str, float] = {}
    for r in records:
        assert r.indicator is not None and r.counted is True
        by_indicator[r.indicator] = by_indicator.get(r.indicator, 0) + (r.points or 0)
    assert {k: v for k, v in s.indicators.items() if v} == by_indicator


def test_teacher_researcher_dissemination_publication_and_hours() -> None:
    # seed 002_… appendix 8: 3.1 researcher 2 per district-wide event up to 6; 3.3 researcher 5; 4.1 80 h → 3
    records = [
        rec(1, A.student_contest, L.region),
        rec(2, A.professional_contest, L.region),
        rec(3, A.speech, L.region),
        rec(4, A.working_group, L.region),
        rec(5, A.teaching_materials, L.region),
        *[rec(10 + i, A.dissemination, L.region) for i in range(4)],
        rec(20, A.publication, L.republic, event_name="Вестник НАО им. Алтынсарина"),
        course(30, 80, "Программа А"),
    ]
    s = score(manifest("teacher", "researcher"), records)
    assert s.indicators == {"2.1": 3, "2.2": 3, "3.1": 6, "3.2": 3, "3.3": 5, "3.4": 3, "3.5": 3, "4.1": 3}
    assert s.verdict is Verdict.meets and s.threshold == 113
    pilot = score(manifest("teacher", "researcher"), records, "pilot-2024")
    assert pilot.indicators["3.1"] == 6  # capped at 6 in both editions


def test_teacher_master_below_level_diploma_scores_zero() -> None:
    # seed 000_…: "в случае несоответствия … выставляется «0»"; master needs republic (seed 002_… appendix 8)
    records = [rec(1, A.student_contest, L.region, Result.winner, flags=[Flag.level_below_claimed])]
    s = score(manifest("teacher", "master"), records)
    assert s.indicators["2.1"] == 0
    assert records[0].counted is False and "ниже требуемого" in (records[0].not_counted_reason or "")
    assert s.verdict is Verdict.below
    assert any("2.1" in r for r in s.reasons)


def test_teacher_master_hours_and_publications() -> None:
    # seed 002_… appendix 8: master 108 h → 4; publication 6; co-authored 2; seed 000_…: Scopus 7
    hours = score(manifest("teacher", "master"), [course(1, 72, "А"), course(2, 36, "Б")])
    assert hours.indicators["4.1"] == 4
    solo = score(manifest("teacher", "master"), [rec(1, A.publication, L.republic)])
    assert solo.indicators["3.3"] == 6
    co = score(manifest("teacher", "master"), [rec(1, A.publication, L.republic, extra={"coauthors": 3})])
    assert co.indicators["3.3"] == 2
    many = [rec(1, A.publication, L.republic, extra={"coauthors": 4})]
    assert score(manifest("teacher", "master"), many).indicators["3.3"] == 0
    assert "не более 3" in (many[0].not_counted_reason or "")
    scopus = [rec(1, A.publication, L.international, issuer="Journal indexed in Scopus")]
    assert score(manifest("teacher", "master"), scopus).indicators["3.3"] == 7
    kknvo = [rec(1, A.publication, L.republic, event_name="Журнал, рекомендованный КОКНВО")]
    assert score(manifest("teacher", "researcher"), kknvo).indicators["3.3"] == 7


def test_hours_below_the_category_threshold_give_zero() -> None:
    # seed 002_… appendix 8: researcher needs 80 h; 72 h gives 0
    s = score(manifest("teacher", "researcher"), [course(1, 72, "А")])
    assert s.indicators["4.1"] == 0 and s.verdict is Verdict.below
    # the same hours for an expert claim more than enough: 80 h reaches the researcher tier, 3 points
    # (seed 004_…: "ставится балл соответствия заявляемой категории или выше")
    assert score(manifest("teacher", "expert"), [course(1, 80, "А")]).indicators["4.1"] == 3


def test_preschool_teacher_hours() -> None:
    # seed 002_… appendix 8: preschool 36 / 36 / 72 / 80 hours
    assert score(manifest("teacher", "expert", "preschool"), [course(1, 36, "А")]).indicators["4.1"] == 1
    assert score(manifest("teacher", "expert", "school"), [course(1, 36, "А")]).indicators["4.1"] == 0


def test_mentor_variant_has_no_student_contest_indicator() -> None:
    # seed 002_… appendix 8, note 1 to 2.1 and row 4.2: 67 / 82 / 110 / 130 for mentors and psychologists
    s = score(manifest("teacher", "expert", variant="psychologist"), [rec(1, A.student_contest, L.region)])
    assert "2.1" not in s.indicators and s.threshold == 82
