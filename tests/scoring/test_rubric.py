"""The rubric data files: every position and variant loads, thresholds and hour tables match the seeds."""

from __future__ import annotations

import pytest

from models import Activity, Category, Level, OrganizationType, Position
from pipeline.scoring import editions, load_rubric, required_level

C = Category


def test_both_editions_are_data_files() -> None:
    assert {"2025", "pilot-2024"} <= set(editions())
    with pytest.raises(ValueError, match="unknown rules edition"):
        load_rubric(Position.teacher, None, "1999")


@pytest.mark.parametrize("edition", ["2025", "pilot-2024"])
@pytest.mark.parametrize(
    ("position", "org", "variant", "expected"),
    [
        # seed 002_… appendix 8, «барлығы»: 68 / 84 / 113 / 134; mentors, psychologists 67 / 82 / 110 / 130
        (Position.teacher, OrganizationType.school, None, [68, 84, 113, 134]),
        (Position.teacher, OrganizationType.school, "psychologist", [67, 82, 110, 130]),
        # seed 002_… methodists' sheet: 10 / 15 / 35 / 48; methodical cabinets 9 / 13 / 32 / 44
        (Position.methodist, OrganizationType.school, None, [10, 15, 35, 48]),
        (Position.methodist, OrganizationType.additional, "methodical_cabinet", [9, 13, 32, 44]),
        # seed 002_… deputies' sheet: 30 / 47 / 62; preschool 28 / 44 / 58
        (Position.deputy_head, OrganizationType.school, None, [30, 47, 62]),
        (Position.deputy_head, OrganizationType.preschool, None, [28, 44, 58]),
        # seed 002_… appendix 11: 38 / 49 / 62; TVET 36 / 46 / 58; preschool 34 / 43 / 54; 32 / 40 / 50; 30 / 37 / 46
        (Position.head, OrganizationType.school, None, [38, 49, 62]),
        (Position.head, OrganizationType.tvet, None, [36, 46, 58]),
        (Position.head, OrganizationType.preschool, None, [34, 43, 54]),
        (Position.head, OrganizationType.additional, None, [32, 40, 50]),
        (Position.head, OrganizationType.special, None, [30, 37, 46]),
    ],
)
def test_thresholds_follow_the_seed_totals(edition, position, org, variant, expected) -> None:
    rubric = load_rubric(position, org, edition, variant)
    assert [rubric.thresholds[c] for c in rubric.categories] == expected


def test_issue_mapping_of_activities_to_indicators() -> None:
    # issue 5, item 2; seed 002_… appendices 8 and 11
    teacher = load_rubric(Position.teacher)
    expected = {
        Activity.student_contest: "2.1",
        Activity.professional_contest: "2.2",
        Activity.dissemination: "3.1",
        Activity.speech: "3.2",
        Activity.publication: "3.3",
        Activity.working_group: "3.4",
        Activity.teaching_materials: "3.5",
        Activity.course: "4.1",
    }
    assert {a: teacher.indicator_for(a).code for a in expected} == expected
    head = load_rubric(Position.head)
    expected = {
        Activity.student_contest: "2.4",
        Activity.professional_contest: "3.2",
        Activity.teaching_materials: "4.1",
        Activity.innovation_project: "4.2",
        Activity.working_group: "4.3",
        Activity.course: "5.1",
    }
    assert {a: head.indicator_for(a).code for a in expected} == expected
    assert head.indicator_for(Activity.speech) is None


def test_required_level_follows_the_category_ladder() -> None:
    # seed 002_… appendix 8: 2.1 needs school / district / region / republic for moderator … master
    assert required_level(Position.teacher, None, C.moderator, Activity.student_contest) == ("2.1", Level.school)
    assert required_level(Position.teacher, None, C.expert, Activity.student_contest) == ("2.1", Level.district)
    assert required_level(Position.teacher, None, C.master, Activity.working_group) == ("3.4", Level.republic)
    # seed 002_… appendix 11: head 2.4 needs district / region / republic for third / second / first
    assert required_level(Position.head, None, C.second, Activity.student_contest) == ("2.4", Level.region)
    assert required_level(Position.deputy_head, None, C.third, Activity.speech, "pilot-2024") == ("4.2", Level.district)
    # courses are graded by hours, not level; a head has no speech indicator
    assert required_level(Position.teacher, None, C.expert, Activity.course) == (None, None)
    assert required_level(Position.head, None, C.first, Activity.speech) == (None, None)


def test_hour_tables_by_organisation_type() -> None:
    # seed 002_… appendix 8 row 4.1: 72 / 72 / 80 / 108; preschool 36 / 36 / 72 / 80
    assert list(load_rubric(Position.teacher).indicators["4.1"].min_hours.values()) == [72, 72, 80, 108]
    pre = load_rubric(Position.teacher, OrganizationType.preschool).indicators["4.1"]
    assert list(pre.min_hours.values()) == [36, 36, 72, 80]
    # seed 002_… appendix 11 row 5.1: 72 / 80 / 108; preschool 36 / 72 / 80
    assert list(load_rubric(Position.head, OrganizationType.preschool).indicators["5.1"].min_hours.values()) == [
        36,
        72,
        80,
    ]


def test_pilot_edition_extends_2025_and_sums() -> None:
    pilot, current = load_rubric(Position.head, None, "pilot-2024"), load_rubric(Position.head, None, "2025")
    assert (pilot.aggregate, current.aggregate) == ("sum", "highest")
    assert "4.4" in current.indicators and "4.4" not in pilot.indicators  # seed 000_… 4.1 publication is 2025 only
    # seeds 000_…, 004_… (2025): every criterion is obligatory; the pilot requires only the courses here
    assert current.required(C.first) == ["2.4", "3.2", "4.1", "4.2", "4.3", "4.4", "5.1"]
    assert pilot.required(C.first) == ["5.1"]
