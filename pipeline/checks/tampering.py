"""possible_tampering from one document: PDF metadata, a pasted name patch, a name set in another font."""

from __future__ import annotations

import re

from classifiers.people import name_words, same_person
from extractors.pdf import pdf_date
from extractors.visual.paste import paste_anomaly
from models import Document, EvidenceRecord, FileReading, Flag, TextSource, Word
from pipeline.checks.rules import rules, threshold


def metadata_reasons(reading: FileReading) -> list[str]:
    meta = {k.lower(): v for k, v in reading.metadata.items()}
    producer = " / ".join(v for k in ("producer", "creator") if (v := meta.get(k)))
    reasons = []
    updates = f", {reading.incremental_updates} incremental update(s)" if reading.incremental_updates else ""
    editor = next((e for e in rules("editors")["editors"] if e in producer.lower()), None)
    if editor:
        reasons.append(f"PDF written by an editor ({producer}){updates}")
    created, modified = pdf_date(meta.get("creationdate")), pdf_date(meta.get("moddate"))
    if created and modified and (modified - created).days > threshold("mod_after_creation_days"):
        by, also = (f" by {producer}" if producer else "", updates) if not editor else ("", "")
        reasons.append(f"PDF modified {modified:%d.%m.%Y}{by}, {(modified - created).days} days after creation{also}")
    return reasons


def _family(font: str) -> str:
    # "ABCDEF+TimesNewRomanPS-BoldMT" → "timesnewroman": subset prefix and style do not make another font.
    name = font.split("+", 1)[-1].lower()
    name = re.split(r"[-,]", name)[0]
    return re.sub(r"(ps|mt|bold|italic|oblique|regular)+$", "", name)


def font_reason(document: Document, name: str) -> str | None:
    """Text-layer PDFs: the name's words in another font family than their line, or sizes that disagree."""
    tolerance = threshold("font_size_tolerance")
    for page in document.pages:
        if page.text_source is not TextSource.text_layer or not page.words:
            continue
        hits = [page.words[i] for i in name_words(name, [w.text for w in page.words])]
        hits = [w for w in hits if w.font]
        if not hits:
            continue
        sizes = [w.size for w in hits if w.size]
        if sizes and (max(sizes) - min(sizes)) > tolerance * max(sizes):
            return f"page {page.number}: the name's words differ in size ({min(sizes):.1f}–{max(sizes):.1f} pt)"
        families = {_family(w.font or "") for w in hits}
        if len(families) > 1:
            return f"page {page.number}: the name's words are in different fonts ({', '.join(sorted(families))})"
        line = {w.line for w in hits}
        rest = [w for w in page.words if w.line in line and w not in hits and w.font and len(w.text) > 2]
        if rest and not any(_family(w.font or "") in families for w in rest):
            return (
                f"page {page.number}: the name is set in {families.pop()}, the rest of its line in "
                f"{_family(rest[0].font or '')}"
            )
    return None


def paste_reason(document: Document, name: str) -> str | None:
    for page in document.pages:
        if page.image is None or page.text_source is not TextSource.ocr or not page.words:
            continue
        hits: list[Word] = [page.words[i] for i in name_words(name, [w.text for w in page.words])]
        if not hits:
            continue
        # The name is one printed line: keep the words on the line holding most of them.
        line = max({w.line for w in hits}, key=lambda n: sum(w.line == n for w in hits))
        why = paste_anomaly(page.image, [w for w in hits if w.line == line])
        if why:
            return f"page {page.number}: {why}"
    return None


def check_tampering(
    document: Document, record: EvidenceRecord, reading: FileReading, applicant: str | None = None
) -> None:
    reasons = metadata_reasons(reading)
    # Any printed name may be the one replaced: the awardee's (a student's, on a document the applicant claims as
    # supervisor) as much as the supervisor's, and the applicant's own wherever it is printed, which is the name a
    # forger pastes (a letter thanking the teacher of a student names both; the fields may have kept the student).
    checked: list[str] = []
    for name in (n for n in (record.person_name, record.supervisor_name, applicant) if n):
        # "Ахметова Д.Е." read by the fields and the manifest's "Ахметова Динара Ерлановна" are one printed line:
        # its paste checks run once.
        if any(same_person(name, seen) for seen in checked):
            continue
        checked.append(name)
        found = font_reason(document, name) or paste_reason(document, name)
        if found:
            reasons.append(found)
            break
    if reasons:
        record.add_flag(Flag.possible_tampering, "; ".join(reasons))
