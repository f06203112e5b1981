"""Per-document checks: each raises a contract flag with a reason a reviewer can act on."""

from __future__ import annotations

from datetime import date
from functools import cache

import yaml

from extractors.visual.phash import page_hash
from extractors.visual.stamps import find_stamp, is_colour
from models import Achiever, Activity, DocType, Document, EvidenceRecord, FileReading, Flag, Manifest, TextSource
from pipeline.checks.duplicates import text_hash
from pipeline.checks.names import same_person
from pipeline.config import DATA_DIR, Settings

_CONTESTS = {Activity.student_contest, Activity.professional_contest}
# Documents that carry a seal: seed 000_… asks for certified copies of diplomas, certificates, extracts, orders.
_NEED_STAMP = {
    DocType.diploma,
    DocType.certificate,
    DocType.protocol_extract,
    DocType.order,
    DocType.honor_certificate,
    DocType.gratitude_letter,
    DocType.course_certificate,
}
_LEVEL_RANK = {"unknown": 0, "school": 1, "district": 2, "region": 3, "republic": 4, "international": 4}


@cache
def _thresholds() -> dict:
    return yaml.safe_load((DATA_DIR / "checks" / "thresholds.yaml").read_text(encoding="utf-8"))


@cache
def _editors() -> list[str]:
    return yaml.safe_load((DATA_DIR / "checks" / "editors.yaml").read_text(encoding="utf-8"))["editors"]


def _check_name(record: EvidenceRecord, manifest: Manifest) -> None:
    applicant = manifest.applicant.full_name
    printed = record.supervisor_name if record.achiever is Achiever.student else record.person_name
    if printed and not same_person(applicant, printed):
        whose = "supervisor" if record.achiever is Achiever.student else "awardee"
        record.add_flag(Flag.name_mismatch, f"applicant '{applicant}' not found; the document's {whose} is '{printed}'")


def _check_period(record: EvidenceRecord, manifest: Manifest) -> None:
    if manifest.period is None or not record.issued_on:
        return
    issued = date.fromisoformat(record.issued_on)
    period = manifest.period
    if not period.contains(issued):
        span = f"{period.from_:%d.%m.%Y}–{period.to:%d.%m.%Y}"
        record.add_flag(Flag.outside_period, f"issued {issued:%d.%m.%Y}, outside the period {span}")


def _check_level(record: EvidenceRecord, manifest: Manifest) -> None:
    from pipeline.scoring import required_level

    if record.activity is None or manifest.claimed_category is None or record.level.value == "unknown":
        return
    indicator, needed = required_level(
        manifest.position, manifest.organization_type, manifest.claimed_category, record.activity
    )
    if needed is not None and _LEVEL_RANK[record.level.value] < _LEVEL_RANK[needed.value]:
        category = manifest.claimed_category.value
        record.add_flag(
            Flag.level_below_claimed,
            f"{record.level.value} level; indicator {indicator} needs {needed.value} for {category}",
        )


def _check_event(record: EvidenceRecord) -> None:
    contest = record.activity in _CONTESTS
    signals = record.extra.get("commercial_signals") or []
    url = record.extra.get("organizer_url")
    if contest and record.approved_list_id is None:
        record.add_flag(Flag.not_in_approved_list, f"event '{record.event_name or '?'}' is not on the approved lists")
    if record.approved_list_id is None and (url or (contest and signals)):
        why = [f"organiser website {url}"] if url else []
        why += [f"wording '{s}'" for s in signals[:3]]
        record.add_flag(Flag.commercial_organizer, "looks like a paid online contest: " + ", ".join(why))


def _check_visual(document: Document, record: EvidenceRecord) -> None:
    images = [p for p in document.pages if p.image is not None]
    record.image_hashes = [page_hash(p.image) for p in images]
    if record.doc_type not in _NEED_STAMP or not images or document.text_source is TextSource.text_layer:
        return  # born-digital documents are signed electronically, not stamped
    if not any(is_colour(p.image) for p in images):
        return  # a grayscale scan cannot show the seal's colour: no verdict rather than a false alarm
    if not any(find_stamp(p.image, p.dpi or 300) for p in images):
        record.add_flag(Flag.missing_stamp, "no round seal found on the document's pages")


def _check_reading(document: Document, record: EvidenceRecord, reading: FileReading) -> None:
    limit = _thresholds()["low_ocr_confidence"]
    if record.ocr_confidence is not None and record.ocr_confidence < limit:
        record.add_flag(Flag.low_ocr_confidence, f"mean OCR word confidence {record.ocr_confidence:.0f} < {limit}")
    producer = " ".join(reading.metadata.get(k, "") for k in ("Producer", "Creator")).lower()
    editor = next((e for e in _editors() if e in producer), None)
    if editor:
        record.add_flag(
            Flag.possible_tampering, f"PDF was written by an editor ({editor}); producer '{producer.strip()}'"
        )


def check_document(
    document: Document, record: EvidenceRecord, manifest: Manifest | None, reading: FileReading, settings: Settings
) -> None:
    record.text_hash = text_hash(document.text)
    _check_reading(document, record, reading)
    _check_event(record)
    _check_visual(document, record)
    if manifest is not None:
        _check_name(record, manifest)
        _check_period(record, manifest)
        _check_level(record, manifest)
