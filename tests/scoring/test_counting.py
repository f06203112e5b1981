"""Counting rules common to both editions (seed 002_…, explanation to the sheet; seeds 000_…, 004_…)."""

from __future__ import annotations

import pytest

from models import Activity, DocType, Flag, Level, Result, Verdict
from tests.scoring.helpers import course, manifest, rec, score

A, L = Activity, Level


def three_stages() -> list:
    # One olympiad, one student, one school year, three stages (seed 002_…: "кезеңдер бойынша … ең жоғары бір деңгейі")
    common = dict(approved_list_id=None, person_name="Ахметова Дана", extra={"subject": "математика"})
    return [
        rec(
            1,
            A.student_contest,
            L.school,
            Result.winner,
            event_name="Школьный этап олимпиады по математике",
            issued_on="2023-11-10",
            **common,
        ),
        rec(
            2,
            A.student_contest,
            L.district,
            Result.prize,
            event_name="Районный этап олимпиады по математике",
            issued_on="2023-12-15",
            **common,
        ),
        rec(
            3,
            A.student_contest,
            L.region,
            Result.participant,
            event_name="Областной этап олимпиады по математике",
            issued_on="2024-01-20",
            **common,
        ),
    ]


@pytest.mark.parametrize("edition", ["2025", "pilot-2024"])
def test_same_olympiad_at_three_stages_counts_once_at_the_highest(edition: str) -> None:
    records = three_stages()
    for r in records:
        r.approved_list_id = "rep-olympiad-school-subjects"
    s = score(manifest("teacher", "expert"), records, edition)
    # expert needs district: the school stage is below; district and region are one event → region 3, +1 prize
    assert s.indicators["2.1"] == 3 + 1
    assert [r.counted for r in records] == [False, False, True]
    assert "высшем этапе" in (records[1].not_counted_reason or "")


def test_student_contest_off_the_approved_list_does_not_count() -> None:
    records = three_stages()  # no approved_list_id on any stage
    s = score(manifest("teacher", "moderator"), records, "pilot-2024")
    assert s.indicators["2.1"] == 0 and all(r.counted is False for r in records)
    assert "перечень" in (records[0].not_counted_reason or "")


def test_stages_group_by_event_name_without_stage_words() -> None:
    # seed 002_…: a contest at its district and regional stage is one event; without an approved id the
    # name decides (stage words stripped, data/rubrics stage_words)
    prof = [
        rec(1, A.speech, L.district, event_name="Районный этап конкурса «Лучший педагог»"),
        rec(2, A.speech, L.region, event_name="Областной этап конкурса «Лучший педагог»"),
        rec(3, A.speech, L.region, event_name="Семинар «Цифровая школа»"),
    ]
    s = score(manifest("teacher", "expert"), prof, "pilot-2024")
    assert s.indicators["3.2"] == 3 + 3  # one event at region + another event at region
    assert [r.counted for r in prof] == [False, True, True]


@pytest.mark.parametrize(("edition", "expected"), [("2025", 3 + 1), ("pilot-2024", 3 + 3 + 1)])
def test_two_winners_in_one_indicator_get_one_bonus(edition: str, expected: float) -> None:
    # seed 002_…: "республикалық деңгейде 2 жеңімпаз болған жағдайда бұл деңгейде тек 1 балл қосылады"
    records = [rec(1, A.student_contest, L.region, Result.winner), rec(2, A.student_contest, L.region, Result.winner)]
    assert score(manifest("teacher", "researcher"), records, edition).indicators["2.1"] == expected


def test_repeated_course_counts_once_and_programmes_add_up() -> None:
    # seed 004_…: "Сертификат учитывается только один раз … по одной и той же программе"; hours of different
    # programmes add up (seed 002_…). Researcher needs 80 h (seed 002_… appendix 8).
    twice = [course(1, 72, "Функциональная грамотность"), course(2, 72, "ФУНКЦИОНАЛЬНАЯ грамотность")]
    s = score(manifest("teacher", "researcher"), twice)
    assert s.indicators["4.1"] == 0 and twice[1].counted is False
    assert s.verdict is Verdict.below
    more = [
        *[course(1, 72, "Функциональная грамотность"), course(2, 72, "Функциональная грамотность")],
        course(3, 8, "Инклюзивное образование"),
    ]
    assert score(manifest("teacher", "researcher"), more).indicators["4.1"] == 3


def test_outside_period_certificate_is_not_counted() -> None:
    # contract: evidence dated outside the attestation period does not count (flag or not)
    by_date = course(1, 72, "А", issued_on="2019-06-01")
    by_flag = course(2, 72, "Б", flags=[Flag.outside_period])
    s = score(manifest("teacher", "expert"), [by_date, by_flag])
    assert s.indicators["4.1"] == 0
    assert "вне аттестационного периода" in (by_date.not_counted_reason or "")
    assert by_flag.counted is False


def test_awards_as_such_earn_nothing() -> None:
    # seed 004_…: "Баллы за награды, грамоты, благодарственные письма … не выставляются" — unless they prove a
    # result in a listed contest (domain.md)
    letter = rec(1, A.speech, L.region, doc_type=DocType.gratitude_letter)
    honor = rec(2, A.student_contest, L.region, doc_type=DocType.honor_certificate, approved_list_id=None)
    s = score(manifest("teacher", "expert"), [letter, honor])
    assert s.indicators["3.2"] == 0 and s.indicators["2.1"] == 0
    assert "награда" in (letter.not_counted_reason or "")
    proof = rec(3, A.student_contest, L.region, Result.winner, doc_type=DocType.gratitude_letter)
    assert score(manifest("teacher", "expert"), [proof]).indicators["2.1"] == 3 + 1


def test_flags_that_stop_counting_and_flags_that_ask_for_review() -> None:
    stopped = [
        rec(i, A.speech, L.region, flags=[flag])
        for i, flag in enumerate(
            [Flag.not_in_approved_list, Flag.commercial_organizer, Flag.name_mismatch, Flag.unreadable, Flag.encrypted],
            start=1,
        )
    ]
    s = score(manifest("teacher", "expert"), stopped)
    assert s.indicators["3.2"] == 0 and all(r.counted is False for r in stopped)
    full = [
        rec(1, A.student_contest, L.region),
        rec(2, A.professional_contest, L.region),
        rec(3, A.speech, L.region, flags=[Flag.missing_stamp]),
        rec(4, A.working_group, L.region),
        rec(5, A.teaching_materials, L.region),
        course(6, 72, "А"),
    ]
    s = score(manifest("teacher", "expert"), full)
    assert s.indicators["3.2"] == 3 and s.verdict is Verdict.needs_review
    assert any("missing_stamp" in r for r in s.reasons)


def test_duplicate_counts_once() -> None:
    # issue 5, notes: the first occurrence may count, later copies not
    first = rec(1, A.speech, L.region, text_hash="abc")
    copy = rec(2, A.speech, L.region, text_hash="abc", flags=[Flag.duplicate])
    s = score(manifest("teacher", "expert"), [first, copy], "pilot-2024")
    assert s.indicators["3.2"] == 3 and copy.counted is False and first.counted is True


def test_uncertain_fields_ask_for_review() -> None:
    full = [
        rec(1, A.student_contest, L.region),
        rec(2, A.professional_contest, L.region),
        rec(3, A.speech, L.region, confidence=0.3),
        rec(4, A.working_group, L.region),
        rec(5, A.teaching_materials, L.region),
        course(6, 72, "А"),
    ]
    assert score(manifest("teacher", "expert"), full).verdict is Verdict.needs_review


def test_no_manifest_fills_indicators_without_points() -> None:
    records = [rec(1, A.student_contest, L.region), course(2, 72, "А")]
    s = score(None, records)
    assert s.verdict is Verdict.needs_review and s.total == 0 and s.threshold is None
    assert [r.indicator for r in records] == ["2.1", "4.1"]
    assert all(r.points is None and r.counted is None for r in records)
    assert "portfolio.json" in s.reasons[0]


def test_unread_document_sends_a_full_portfolio_to_review() -> None:
    full = [
        rec(1, A.student_contest, L.region),
        rec(2, A.professional_contest, L.region),
        rec(3, A.speech, L.region),
        rec(4, A.working_group, L.region),
        rec(5, A.teaching_materials, L.region),
        course(6, 72, "А"),
    ]
    assert score(manifest("teacher", "expert"), full).verdict is Verdict.meets
    broken = rec(7, A.speech, L.region, flags=[Flag.encrypted], error="PDF is encrypted")
    s = score(manifest("teacher", "expert"), [*full, broken])
    assert s.verdict is Verdict.needs_review and broken.counted is False
