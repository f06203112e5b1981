"""Methodists, deputy heads and heads; expectations by hand from seed 002_… (methodists' sheet, appendix 11 and
the deputies' sheet), seed 000_… (heads 2025) and seed 001_… (deputies 2025)."""

from __future__ import annotations

import pytest

from models import Activity, Level, Result, Verdict
from tests.scoring.helpers import course, manifest, rec, score

A, L = Activity, Level


def test_methodist_researcher() -> None:
    # seed 002_… methodists' sheet: 2.1 1/2/3/4; 2.2 (+1); 3.1 6; 3.3 5; 4.1 80 h → 3
    records = [
        rec(1, A.innovation_project, L.region),
        rec(2, A.professional_contest, L.republic, Result.prize),
        *[rec(10 + i, A.dissemination, L.region) for i in range(3)],
        rec(3, A.speech, L.region),
        rec(4, A.publication, L.republic),
        rec(5, A.working_group, L.region),
        rec(6, A.teaching_materials, L.region),
        course(7, 80, "Методическое сопровождение"),
    ]
    s = score(manifest("methodist", "researcher"), records)
    assert s.indicators == {"2.1": 3, "2.2": 5, "3.1": 6, "3.2": 3, "3.3": 5, "3.4": 3, "3.5": 3, "4.1": 3}
    assert s.total == 31 and s.threshold == 35 and s.verdict is Verdict.meets


def test_methodical_cabinet_methodist_hours_and_no_contest_indicator() -> None:
    # seed 002_…: cabinets 36 / 36 / 72 / 80 h; note 2 to 2.2 excludes them; totals 9 / 13 / 32 / 44
    m = manifest("methodist", "researcher", "additional", variant="methodical_cabinet")
    s = score(m, [course(1, 72, "А"), rec(2, A.professional_contest, L.region)])
    assert s.indicators["4.1"] == 3 and "2.2" not in s.indicators and s.threshold == 32


def deputy_records() -> list:
    return [
        rec(1, A.student_contest, L.region, Result.winner),  # 2.3: region 3 +1
        rec(2, A.professional_contest, L.region),  # 3.5: 3
        rec(3, A.teaching_materials, L.region, extra={"coauthors": 2}),  # 4.1: co-authored 2
        rec(4, A.speech, L.republic),  # 4.2: 4
        rec(5, A.publication, L.republic, issuer="Издание, рекомендованное КОКНВО"),  # 4.3: 7
        rec(6, A.innovation_project, L.region),  # 4.4: 3
        rec(7, A.working_group, L.district),  # 4.5: below region → 0
        course(8, 80, "Менеджмент в образовании"),  # 5.1: 80 h → 3
    ]


def test_deputy_second_2025() -> None:
    records = deputy_records()
    s = score(manifest("deputy_head", "second"), records)
    assert s.indicators == {"2.3": 4, "3.5": 3, "4.1": 2, "4.2": 4, "4.3": 7, "4.4": 3, "4.5": 0, "5.1": 3}
    assert s.threshold == 47 and s.verdict is Verdict.below  # 4.5 is obligatory (seed 001_…)
    assert records[6].counted is False


def test_deputy_preschool_pilot() -> None:
    # seed 002_… deputies' sheet: preschool 5.1 36 / 72 / 80 h; preschool totals 28 / 44 / 58
    records = [*deputy_records()[:-1], course(8, 36, "А"), course(9, 36, "Б")]
    s = score(manifest("deputy_head", "second", "preschool"), records, "pilot-2024")
    assert s.indicators["5.1"] == 3 and s.threshold == 44
    assert s.verdict is Verdict.meets  # the pilot requires only the courses here


@pytest.mark.parametrize(
    ("org", "threshold"), [("school", 62), ("tvet", 58), ("preschool", 54), ("additional", 50), ("special", 46)]
)
def test_head_first_category(org: str, threshold: float) -> None:
    # seed 002_… appendix 11: first category needs republic; 2.4 republic 4 +1; 3.2 +1; 5.1 108 h (preschool 80)
    records = [
        rec(1, A.student_contest, L.international, Result.winner),
        rec(2, A.professional_contest, L.republic, Result.prize),
        rec(3, A.teaching_materials, L.republic),
        rec(4, A.innovation_project, L.republic),
        rec(5, A.working_group, L.republic),
        rec(6, A.publication, L.republic),
        course(7, 108, "Менеджмент"),
    ]
    s = score(manifest("head", "first", org), records)
    assert s.indicators == {"2.4": 5, "3.2": 5, "4.1": 4, "4.2": 4, "4.3": 4, "4.4": 6, "5.1": 4}
    assert s.threshold == threshold and s.verdict is Verdict.meets
    pilot = score(manifest("head", "first", org), records, "pilot-2024")
    assert "4.4" not in pilot.indicators and pilot.total == 26


def test_head_third_district_and_preschool_hours() -> None:
    # seed 002_… appendix 11: third needs district (2 points); preschool 5.1 36 h → 2; school-level evidence is below
    records = [rec(1, A.student_contest, L.district), rec(2, A.student_contest, L.school), course(3, 36, "А")]
    s = score(manifest("head", "third", "preschool"), records)
    assert s.indicators["2.4"] == 2 and s.indicators["5.1"] == 2
    assert records[1].counted is False
    assert s.verdict is Verdict.below  # 3.2, 4.1–4.3 missing (seed 000_…: all criteria obligatory)
