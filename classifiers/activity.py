"""What a document evidences (contract `activity`) and whose achievement it is (`achiever`)."""

from __future__ import annotations

from classifiers.lexicon import compiled, load
from models import Achiever, Activity, DocType


def _has(name: str, folded: str) -> bool:
    return bool(compiled(load("activities")[name]).search(folded))


def classify_activity(folded: str, doc_type: DocType) -> tuple[Activity | None, Achiever | None, float]:
    if doc_type is DocType.course_certificate:
        return Activity.course, Achiever.applicant, 0.9
    if doc_type is DocType.publication:
        return Activity.publication, Achiever.applicant, 0.8
    if doc_type is DocType.protocol_extract:
        if _has("speech", folded) and not _has("teaching_materials", folded):
            return Activity.speech, Achiever.applicant, 0.7
        return Activity.teaching_materials, Achiever.applicant, 0.8
    if doc_type is DocType.order:
        for name in ("working_group", "speech", "innovation_project", "dissemination", "teaching_materials"):
            if _has(name, folded):
                return Activity(name), Achiever.applicant, 0.75
        return None, None, 0.4
    if doc_type is not DocType.diploma and _has("membership", folded):
        return Activity.working_group, Achiever.applicant, 0.8
    if _has("contest", folded):
        if _has("professional", folded) or not _has("student", folded):
            return Activity.professional_contest, Achiever.applicant, 0.75
        return Activity.student_contest, Achiever.student, 0.85
    for name in ("speech", "working_group", "publication", "innovation_project", "dissemination"):
        if _has(name, folded):
            return Activity(name), Achiever.applicant, 0.6
    return None, None, 0.3
