"""missing_stamp and missing_signature on scanned pages, and the page hashes for the batch step."""

from __future__ import annotations

from classifiers.normalize import fold
from extractors.visual.phash import page_hash
from extractors.visual.signatures import find_signature
from extractors.visual.stamps import Stamp, find_stamp
from models import Document, EvidenceRecord, Flag, Page, TextSource
from pipeline.checks.rules import threshold, words


def seal_position(page: Page, stamp: Stamp) -> list[float]:
    """[page, x, y, diameter] of a seal, page-relative: a copy edited from one scan keeps it to the pixel."""
    x, y, d = stamp
    width, height = page.image.shape[1], page.image.shape[0]
    return [page.number, round(x / width, 4), round(y / height, 4), round(d / width, 4)]


def check_visual(document: Document, record: EvidenceRecord, folded: str) -> None:
    pages = [p for p in document.pages if p.image is not None]
    record.image_hashes = [page_hash(p.image) for p in pages]
    for page, image_hash in zip(pages, record.image_hashes, strict=True):
        page.image_hash = image_hash
    if not pages or document.text_source is TextSource.text_layer:
        return  # born-digital: signed electronically, there is no ink to look for
    stamps = [(p, find_stamp(p.image, p.dpi or 200)) for p in pages]
    seal = next((seal_position(p, s) for p, s in stamps if s), None)
    if seal:
        record.extra["seal"] = seal
    if record.ocr_confidence is not None and record.ocr_confidence < threshold("low_ocr_confidence"):
        return  # a scan too degraded to read is too degraded to judge its seal (it is flagged as such)
    if words("e_signature").search(folded):
        return  # a scan of an e-signed certificate (ЭЦП / QR verification) carries no seal
    need_seal = record.doc_type.value in threshold("need_seal")
    need_signature = record.doc_type.value in threshold("need_signature")
    if not (need_seal or need_signature):
        return
    if need_seal and not any(s for _, s in stamps):
        record.add_flag(Flag.missing_stamp, f"no round seal found on page(s) {', '.join(str(p.number) for p in pages)}")
    if need_signature:
        anchor = words("signatory")
        signed = any(find_signature(p.image, p.words, p.dpi or 200, s, anchor, fold) for p, s in stamps)
        if not signed:
            record.add_flag(Flag.missing_signature, "no handwritten strokes found at the signatory line")
