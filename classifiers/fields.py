"""`extract_fields`: every field of a document, from its text, by the rules in data/lexicons."""

from __future__ import annotations

from datetime import date

from classifiers.activity import classify_activity
from classifiers.approved import match_event
from classifiers.doc_type import classify_doc_type, title_end
from classifiers.language import language_of
from classifiers.level import classify_level
from classifiers.nlp import analyse
from classifiers.result import classify_result
from extractors.fields.dates import issue_date
from extractors.fields.hours import course_hours
from extractors.fields.names import awardee_and_supervisor
from extractors.fields.wording import commercial, event_name, issuer, programme
from models import Achiever, Activity, DocType, Document, DocumentFields, Level

_CONTEST_TYPES = {DocType.diploma, DocType.certificate, DocType.honor_certificate, DocType.gratitude_letter}
# Orders and protocols print their own date in the header ("ПРИКАЗ от 05.09.2023 № 214"); later dates are events.
_DATED_HEADERS = {DocType.order, DocType.protocol_extract}


def _contest_of(audience: str | None) -> Activity:
    return Activity.professional_contest if audience == "teacher" else Activity.student_contest


def _achiever_of(audience: str | None) -> Achiever:
    return Achiever.applicant if audience == "teacher" else Achiever.student


def extract_fields(document: Document, applicant: str | None = None, not_after: date | None = None) -> DocumentFields:
    """Every field of a document. `applicant` (the manifest's name, when known) picks the applicant among the
    several people an order or a protocol may list; `not_after` (the file's creation date, or today) bounds the
    issue date, so an OCR-misread year can be re-read."""
    text = document.text
    language = language_of(text)
    doc = analyse(text, language)  # the NLP layer: folded tokens, lemmas, level cues, places, people
    folded = doc._.folded
    doc_type, type_conf = classify_doc_type(folded)
    header_end = title_end(folded)  # what stands above the title is the issuer's header
    activity, achiever, activity_conf = classify_activity(folded, doc_type)
    match = match_event(text)
    if match and activity is None and doc_type in _CONTEST_TYPES:
        # An approved olympiad or contest named, however damaged its wording: its audience says whose it is.
        activity, achiever, activity_conf = _contest_of(match.audience), _achiever_of(match.audience), 0.7
    contest = activity in (Activity.student_contest, Activity.professional_contest)
    if doc_type is DocType.course_certificate:
        level, level_conf = Level.unknown, 0.9  # a course has hours, not a level (domain.md, indicator 4.1)
    else:
        levels = list(match.levels) if match else None
        level, level_conf = classify_level(doc, levels, header_end, by_issuer=doc_type in _DATED_HEADERS)
    result, place, result_conf = classify_result(folded, doc_type, contest)
    issued_on, other_dates, date_conf = issue_date(folded, dated_header=doc_type in _DATED_HEADERS, not_after=not_after)
    person, supervisor, name_conf = awardee_and_supervisor(
        doc,
        after=header_end or 0,
        applicant=applicant,
        lists_people=doc_type in _DATED_HEADERS,  # orders and protocols name several people
        thanks_for_student=doc_type is DocType.gratitude_letter and achiever is Achiever.student,
    )
    if achiever is not Achiever.student:
        supervisor = None
    url, signals = commercial(text)
    is_course = doc_type is DocType.course_certificate
    return DocumentFields(
        doc_type=doc_type,
        activity=activity,
        achiever=achiever,
        person_name=person,
        supervisor_name=supervisor,
        event_name=(programme(text) or event_name(text)) if is_course else event_name(text),
        approved_list_id=match.event_id if match else None,
        level=level,
        result=result,
        place=place,
        issued_on=issued_on,
        issuer=issuer(text),
        hours=course_hours(folded) if is_course else None,
        language=language,
        event_dates=other_dates,
        organizer_url=url,
        commercial_signals=signals,
        programme=programme(text) if is_course else None,
        field_confidence={
            "doc_type": type_conf,
            "activity": activity_conf,
            "level": level_conf,
            "result": result_conf,
            "issued_on": date_conf,
            "person_name": name_conf,
            "event_name": (match.score / 100) if match else 0.5,
        },
    )
