"""The flags a document must raise (expected_flags) and must not raise (must_not_flag), from its defect and rubric.

level_below_claimed follows the level-by-category tables of the seeds for every position:
- teachers (seed 002_… appendix 8, seed 004_…): 2.1 student contests, 2.2 own contests, 3.2 speeches, 3.4 working
  groups/jury, 3.5 recommended materials — school / district / region / republic for moderator … master;
- methodists (seed 002_…, methodists' scoring sheet): 2.1 research/innovation, 2.2 own contests, 3.2 speeches,
  3.4 working groups, 3.5 materials — the same four levels;
- deputy heads (seed 001_…): 2.3 student contests, 3.5 own contests, 4.1 materials, 4.2 speeches, 4.4 innovation,
  4.5 working groups — district / region / republic for third / second / first;
- heads (seed 002_… appendix 11, seed 000_…): 2.4 student contests, 4.1 materials, 4.2 innovation, 4.3 working
  groups — district / region / republic.
An activity with no level-graded indicator for the position (a course, a methodist's student's diploma) must not be
flagged; publications are graded by edition, not level, so they are left out of both lists.
"""

from __future__ import annotations

from datetime import date

ALL_FLAGS = [
    "not_pdf",
    "unreadable",
    "encrypted",
    "low_ocr_confidence",
    "not_in_approved_list",
    "commercial_organizer",
    "level_below_claimed",
    "name_mismatch",
    "outside_period",
    "missing_stamp",
    "missing_signature",
    "duplicate",
    "possible_tampering",
]
RANK = {"school": 1, "district": 2, "region": 3, "republic": 4, "international": 4}
_FOUR = {"moderator": 1, "expert": 2, "researcher": 3, "master": 4}
_THREE = {"third": 2, "second": 3, "first": 4}
GRADED = {
    "teacher": {"student_contest", "professional_contest", "speech", "working_group", "teaching_materials"},
    "methodist": {"innovation_project", "professional_contest", "speech", "working_group", "teaching_materials"},
    "deputy_head": {
        "student_contest",
        "professional_contest",
        "teaching_materials",
        "speech",
        "innovation_project",
        "working_group",
    },
    "head": {"student_contest", "teaching_materials", "innovation_project", "working_group"},
}
# What each injected defect must raise (issue 3, item 4); level_below_claimed and outside_period of a reused copy
# follow from the rubric and the period, not from the defect.
DEFECT_FLAGS = {
    "unlisted_event": {"not_in_approved_list"},
    "commercial_event": {"not_in_approved_list", "commercial_organizer"},
    "outside_period": {"outside_period"},
    "wrong_person": {"name_mismatch"},
    "no_stamp": {"missing_stamp"},
    "no_signature": {"missing_signature"},
    "pasted_name": {"possible_tampering"},
    "edited_pdf": {"possible_tampering"},
    "unreadable_scan": {"unreadable"},  # Tesseract finds no word on it (measured in test_generator.py)
    "poor_scan": {"low_ocr_confidence"},  # tests/corpus/scan.py poor_scan: most words read at confidence 26–41
    "encrypted_pdf": {"encrypted"},
    "truncated_pdf": {"unreadable"},
    "non_pdf": {"not_pdf"},
    "reused_scan": {"duplicate"},
}
_CONTEST_KINDS = {"diploma", "certificate", "honor_certificate", "gratitude_letter"}


def required_rank(position: str, category: str) -> int:
    return (_FOUR if position in ("teacher", "methodist") else _THREE)[category]


def level_verdict(truth: dict, position: str, category: str) -> bool | None:
    """True: below what the category needs; False: not below (or no graded indicator); None: undecided."""
    activity, level = truth.get("activity"), truth.get("level")
    if activity == "publication":
        return None
    if activity not in GRADED[position] or level not in RANK:
        return False
    return RANK[level] < required_rank(position, category)


def flags_for(truth: dict, defect: str | None, manifest: dict, file_kind: str) -> tuple[list[str], list[str]]:
    expected = set(DEFECT_FLAGS.get(defect or "", set()))
    undecided = set()
    period = manifest["period"]
    if defect in ("encrypted_pdf", "truncated_pdf"):
        # Nothing inside can be read: only the file-level verdicts are certain.
        return sorted(expected), sorted({"not_pdf", "encrypted", "unreadable"} - expected)
    if defect == "unreadable_scan":
        # A page with no usable text: low_ocr_confidence is as right as unreadable; the visual checks are moot.
        undecided |= {"low_ocr_confidence", "missing_stamp", "missing_signature", "possible_tampering"}
    elif defect == "poor_scan":
        # Its words are guesses: unreadable is as right, and what rests on reading them (names, dates, events,
        # levels) or on seeing ink is neither expected nor ruled out.
        undecided |= {"unreadable", "missing_stamp", "missing_signature", "possible_tampering", "name_mismatch"}
        undecided |= {"outside_period", "level_below_claimed", "not_in_approved_list", "commercial_organizer"}
    else:
        issued = truth.get("issued_on")
        if issued and not date.fromisoformat(period["from"]) <= date.fromisoformat(issued) <= date.fromisoformat(
            period["to"]
        ):
            expected.add("outside_period")
        verdict = level_verdict(truth, manifest["position"], manifest["claimed_category"])
        if verdict:
            expected.add("level_below_claimed")
        elif verdict is None:
            undecided.add("level_below_claimed")
    if file_kind == "docx":
        undecided |= {"missing_stamp", "missing_signature"}  # a Word file has no seal image to find
    if truth.get("doc_type") not in _CONTEST_KINDS:
        expected -= {"not_in_approved_list"}
    must_not = [f for f in ALL_FLAGS if f not in expected and f not in undecided]
    return sorted(expected), must_not
