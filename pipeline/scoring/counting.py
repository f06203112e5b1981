"""Which evidence counts, and which records are one event (domain.md, "Scoring rules common to both").

Every rule here returns a reason in Russian, because the reviewer reads it on the scoring sheet.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from models import Activity, Category, DocType, EvidenceRecord, Flag, Level, Manifest
from pipeline.scoring.rubric import Indicator, Rubric

# Flag policy (issue 5, notes): these flags mean the evidence does not count at all …
NOT_COUNTED_FLAGS: dict[Flag, str] = {
    Flag.unreadable: "документ не читается",
    Flag.encrypted: "PDF защищён паролем",
    Flag.not_in_approved_list: "мероприятие не входит в утверждённый перечень (приказ № 514 или областной перечень)",
    Flag.commercial_organizer: "платный / коммерческий организатор (seed 004_…: только мероприятия перечня)",
    Flag.outside_period: "вне аттестационного периода",
    Flag.name_mismatch: "документ не заявителя (и не его обучающегося)",
}
# … these only send the portfolio to a reviewer (seed 000_…: only PDF scans are accepted, so not_pdf is one).
REVIEW_FLAGS = {
    Flag.missing_stamp,
    Flag.missing_signature,
    Flag.possible_tampering,
    Flag.low_ocr_confidence,
    Flag.not_pdf,
}
AWARDS = {DocType.honor_certificate, DocType.gratitude_letter}
CONTESTS = {Activity.student_contest, Activity.professional_contest}
LEVEL_RU = {
    "school": "организация образования",
    "district": "район / город",
    "region": "область",
    "republic": "республика",
    "international": "международный",
    "unknown": "не установлен",
}


def fold(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower().replace("ё", "е")).strip()


@cache
def _stage_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in words)) if words else re.compile(r"(?!x)x")


def event_name_key(record: EvidenceRecord, rubric: Rubric) -> str:
    """The event without its stage words, so the stages of one olympiad share a key (seed 002_…, explanation)."""
    if record.approved_list_id:
        return f"id:{record.approved_list_id}"
    name = _stage_pattern(tuple(rubric.stage_words)).sub(" ", fold(record.event_name))
    return " ".join(name.split()) or f"doc:{record.doc_id}"


def school_year(record: EvidenceRecord) -> int | None:
    """Olympiad stages run September–May: the school year groups one olympiad's stages."""
    day = parse_day(record.issued_on)
    if day is None:
        return None
    return day.year if day.month >= 9 else day.year - 1


def parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def same_event(a: EvidenceRecord, b: EvidenceRecord, rubric: Rubric) -> bool:
    """Same event at another stage: same event (approved id or folded name), achiever, subject and school year.

    A missing person, subject or date does not separate two records; a differing one does.
    """
    if event_name_key(a, rubric) != event_name_key(b, rubric):
        return False
    pairs = [
        (fold(a.person_name), fold(b.person_name)),
        (fold(str(a.extra.get("subject") or "")), fold(str(b.extra.get("subject") or ""))),
        (school_year(a), school_year(b)),
    ]
    return all(x == y or not x or not y for x, y in pairs)


def group_events(records: list[EvidenceRecord], rubric: Rubric) -> list[list[EvidenceRecord]]:
    groups: list[list[EvidenceRecord]] = []
    for record in records:
        home = next((g for g in groups if all(same_event(record, other, rubric) for other in g)), None)
        if home is None:
            groups.append([record])
        else:
            home.append(record)
    return groups


def content_key(record: EvidenceRecord) -> str:
    """What makes two records the same document, for the duplicate rule (hashes, else the printed fields)."""
    if record.file_sha256 or record.text_hash:
        return f"h:{record.text_hash or record.file_sha256}"
    if record.image_hashes:
        return f"i:{record.image_hashes[0]}"
    fields = (record.doc_type.value, fold(record.event_name), fold(record.person_name), record.issued_on)
    return "f:" + "|".join(str(f) for f in fields)


def authors(record: EvidenceRecord) -> int | None:
    value = record.extra.get("coauthors")
    return int(value) if isinstance(value, int | float | str) and str(value).isdigit() else None


def exclusion(
    record: EvidenceRecord, indicator: Indicator, rubric: Rubric, manifest: Manifest, category: Category
) -> str | None:
    """Why this record does not count for the indicator, or None when it may count."""
    if record.error:
        return f"документ не прочитан: {record.error}"
    for flag, why in NOT_COUNTED_FLAGS.items():
        if flag in record.flags:
            return why
    day = parse_day(record.issued_on)
    if manifest.period is not None and day is not None and not manifest.period.contains(day):
        return f"дата {day:%d.%m.%Y} вне аттестационного периода"
    if not indicator.applies_to(category):
        return f"для категории «{category.value}» показатель {indicator.code} не оценивается (в листе «—»)"
    if indicator.approved_only and record.approved_list_id is None:
        return NOT_COUNTED_FLAGS[Flag.not_in_approved_list]
    if record.doc_type in AWARDS and (
        record.activity not in CONTESTS or record.approved_list_id is None or record.result is None
    ):
        # seed 004_…: "Баллы за награды, грамоты, благодарственные письма … не выставляются"
        return "награда как таковая баллов не даёт: засчитывается лишь как подтверждение результата в конкурсе перечня"
    needed = indicator.required_level.get(category)
    if indicator.kind in ("level", "count") and needed is not None:
        if record.level is Level.unknown:
            return "уровень мероприятия не установлен"
        if record.level.rank < needed.rank:
            # seed 000_…: "в случае несоответствия … заявляемой квалификационной категории … выставляется «0»"
            return (
                f"уровень «{LEVEL_RU[record.level.value]}» ниже требуемого для категории «{category.value}» "
                f"(«{LEVEL_RU[needed.value]}»)"
            )
    if indicator.kind == "level" and not indicator.level_points.get(record.level):
        return f"уровень «{LEVEL_RU[record.level.value]}» баллов по показателю {indicator.code} не даёт"
    if indicator.kind == "hours" and not record.hours:
        return "в сертификате не указано количество часов"
    n = authors(record)
    if indicator.max_authors and n is not None and n > indicator.max_authors:
        return f"{n} авторов: засчитывается не более {indicator.max_authors} (seed 002_…, пояснение)"
    return None
