"""Checks on what the document says: whose it is, when, at what level, for which event, how readable."""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from classifiers.normalize import fold
from classifiers.people import named_in_text, same_person
from models import Achiever, Activity, DocType, Document, EvidenceRecord, Flag, Manifest, Result, TextSource
from pipeline.checks.rules import rules, threshold, words
from pipeline.config import Settings

_CONTESTS = {Activity.student_contest, Activity.professional_contest}
# Documents that can evidence a contest result; course certificates, orders and extracts never name one as theirs.
_CONTEST_PAPERS = {DocType.diploma, DocType.certificate, DocType.honor_certificate}
_REAL_WORD = re.compile(r"[a-zа-яәғқңөұүһі]{3,}")
_VOWEL = re.compile(r"[аеиоуыэюяёәөұүіaeiouy]")


def check_name(record: EvidenceRecord, manifest: Manifest, text: str) -> None:
    """name_mismatch: only when the name that must be the applicant's was read and is someone else's."""
    applicant = manifest.applicant.full_name
    student = record.achiever is Achiever.student
    # A student's document names the teacher as supervisor; the person on it is the student (Notes of issue 4).
    printed = record.supervisor_name if student else record.person_name
    if not printed:
        return  # nothing read: an unreadable name is not a mismatch
    if record.ocr_confidence is not None and record.ocr_confidence < threshold("low_ocr_confidence"):
        return  # a name read from a page this poorly read is likely misread (low_ocr_confidence says so)
    if any(n and same_person(applicant, n) for n in (record.person_name, record.supervisor_name)):
        return
    if named_in_text(applicant, text):
        return  # the fields picked another name, but the applicant is named on the document
    whose = "supervisor" if student else "awardee"
    record.add_flag(Flag.name_mismatch, f"applicant '{applicant}' not found; the document's {whose} is '{printed}'")


def _dates(record: EvidenceRecord) -> tuple[str, list[date]]:
    if record.issued_on:
        return "issued", [date.fromisoformat(record.issued_on)]
    held = [date.fromisoformat(d) for d in record.extra.get("event_dates") or [] if isinstance(d, str)]
    return "held", held


def check_period(record: EvidenceRecord, manifest: Manifest) -> None:
    """outside_period: the issue date (or, without one, every event date) falls outside the period."""
    period = manifest.period
    if period is None:
        return
    try:
        what, days = _dates(record)
    except ValueError:
        return  # a malformed date is the reader's problem, not evidence of anything
    if days and not any(period.contains(d) for d in days):
        span = f"{period.from_:%d.%m.%Y}–{period.to:%d.%m.%Y}"
        shown = ", ".join(f"{d:%d.%m.%Y}" for d in days[:3])
        record.add_flag(Flag.outside_period, f"{what} {shown}, outside the attestation period {span}")


def check_level(record: EvidenceRecord, manifest: Manifest, settings: Settings) -> None:
    """level_below_claimed: domain.md "Which level each category needs" (seed 002_… appendix 8, seed 004_…)."""
    from pipeline.scoring import required_level

    if record.activity is None or manifest.claimed_category is None or record.level.rank == 0:
        return
    indicator, needed = required_level(
        manifest.position, manifest.organization_type, manifest.claimed_category, record.activity, settings.edition
    )
    if needed is not None and record.level.rank < needed.rank:
        record.add_flag(
            Flag.level_below_claimed,
            f"{record.level.value} level; indicator {indicator} needs {needed.value} or higher "
            f"for '{manifest.claimed_category.value}'",
        )


def is_contest_document(record: EvidenceRecord, folded: str) -> bool:
    """A contest's award: its activity read as one, or else a diploma, certificate or грамота that names a contest
    or awards a place (fresh seed 55555: "ДИПЛОМ I орын … халықаралық онлайн-бойқау", the contest word misread)."""
    if record.activity in _CONTESTS:
        return True
    if record.activity is not None or record.doc_type not in _CONTEST_PAPERS:
        return False
    return bool(words("contest").search(folded)) or record.result in (Result.winner, Result.prize)


def _misread_cue(folded: str, key: str) -> re.Match[str] | None:
    """A cue word OCR misread by a letter or two ("дустанционная"): a word whose start is near a stem."""
    least = threshold("misread_cue_min_ratio")
    for stem in rules("words")[key]:
        for m in re.finditer(rf"\w{{{len(stem)},}}", folded):
            if fuzz.ratio(m.group(0)[: len(stem)], stem) >= least:
                return m
    return None


def check_event(record: EvidenceRecord, folded: str) -> None:
    """not_in_approved_list and commercial_organizer, for olympiad/contest documents only (issue 4, notes)."""
    if record.approved_list_id is not None or not is_contest_document(record, folded):
        return
    event = record.event_name or "the event"
    record.add_flag(Flag.not_in_approved_list, f"'{event}' is not on the approved lists (order No. 514 or regional)")
    why = []
    url = record.extra.get("organizer_url")
    if isinstance(url, str) and not words("public_domains").search(url.lower()):
        why.append(f"organiser website {url}")
    if m := words("fee").search(folded):
        why.append(f"fee wording '{m.group(0)}'")
    distance = words("distance").search(folded) or _misread_cue(folded, "distance_stems")
    international = words("international").search(folded) or _misread_cue(folded, "international_stems")
    if distance:
        why.append(f"'{distance.group(0)}'")
    if international and not words("state_issuer").search(folded):
        why.append("claims 'international' with no state body as organiser")
    company = words("private_company").search(folded)
    if company:
        why.append(f"organised by a private company ('{company.group(0)}')")
    # Distance alone is common for approved online stages, and a private school may hold its own contest: either
    # counts with another sign.
    weak = sum(bool(sign) for sign in (distance, company))
    if len(why) > weak or weak > 1:
        record.add_flag(Flag.commercial_organizer, "looks like a paid online contest: " + "; ".join(why))


def real_words(document: Document) -> int:
    """Words that look like language: ≥ 3 letters with a vowel, read with OCR confidence ≥ 50 when OCR'd."""
    count = 0
    for page in document.pages:
        for word in page.words or []:
            token = word.text.lower()
            if (word.conf is None or word.conf >= 50) and _REAL_WORD.search(token) and _VOWEL.search(token):
                count += 1
        if not page.words:
            count += sum(1 for t in _REAL_WORD.findall(page.text.lower()) if _VOWEL.search(t))
    return count


def check_reading(document: Document, record: EvidenceRecord) -> None:
    """low_ocr_confidence and unreadable-by-content; thresholds measured, see data/checks/thresholds.yaml."""
    if document.text_source is not TextSource.ocr:
        return
    limit = threshold("low_ocr_confidence")
    found = real_words(document)
    if found < threshold("min_real_words"):
        record.add_flag(Flag.unreadable, f"only {found} readable words on the scan: no usable text")
    if record.ocr_confidence is not None and record.ocr_confidence < limit:
        record.add_flag(Flag.low_ocr_confidence, f"mean OCR word confidence {record.ocr_confidence:.0f} < {limit}")


def folded_text(document: Document) -> str:
    return fold(document.text)
