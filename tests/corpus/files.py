"""From planned documents to files: render and scan pages (in worker processes, each from its own seed), then
write one file per document or one multi-document PDF per bundle, and the truth lines that go with them.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import random
from dataclasses import dataclass
from datetime import date, timedelta

from PIL import Image

from tests.corpus import pack
from tests.corpus.expected import flags_for
from tests.corpus.families import HOLDOUT
from tests.corpus.layouts import render_page
from tests.corpus.portfolio import Item, Portfolio
from tests.corpus.scan import encode_jpeg, flatbed, paste_name, phone_photo, poor_scan, severe, turn

RASTER = {"scan", "photo_pdf", "jpeg", "png", "severe", "poor", "encrypted", "truncated"}


@dataclass
class Raster:
    data: bytes  # JPEG bytes as the scanner or phone wrote them
    dpi: int


def rasterise(item: Item) -> Raster | None:
    """Page → (pasted name) → scan/photo/severe → quarter turns. Runs in a worker; all randomness from doc.seed."""
    if item.fmt not in RASTER:
        return None
    rng = random.Random(item.doc.seed)
    dpi = 150 if rng.random() < 0.3 and item.fmt not in ("severe", "poor") else 200
    page = render_page(item.doc, rng, dpi)
    image = page.image
    if item.defect == "pasted_name" and page.name_box and item.doc.name_text:
        image = paste_name(image, page.name_box, item.doc.name_text, rng, dpi)
    if item.fmt in ("photo_pdf", "jpeg"):
        image = phone_photo(image, rng)
    elif item.fmt == "severe":
        image = severe(image, rng)
    elif item.fmt == "poor":
        image = poor_scan(image, rng)
    else:
        image = flatbed(image, rng)
    image = turn(image, item.turns)
    return Raster(encode_jpeg(image, rng.randint(70, 90), dpi), dpi)


def rasterise_all(items: list[Item], workers: int | None = None) -> list[Raster | None]:
    workers = workers or min(2, os.cpu_count() or 1)
    if workers <= 1 or len(items) < 4:
        return [rasterise(it) for it in items]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(rasterise, items, chunksize=2)


def _name(index: int, item: Item, rng: random.Random) -> str:
    ext = {"jpeg": "jpg", "png": "png", "docx": "docx"}.get(item.fmt, "pdf")
    stem = {
        "diploma": "diplom",
        "participation": "sertifikat",
        "honor": "gramota",
        "gratitude": "blagodarnost",
        "course": "kursy",
        "protocol": "protokol",
        "order": "prikaz",
        "speech": "vystuplenie",
        "publication": "publikaciya",
    }[item.doc.kind]
    if item.fmt in ("jpeg", "png"):
        stem = rng.choice(["IMG_2024", "photo", "WhatsApp Image", "scan"]) + f"_{index:02d}"
    elif rng.random() < 0.15:
        stem = {"diploma": "Диплом", "course": "Курсы", "order": "Приказ"}.get(item.doc.kind, "Документ")
    return f"{index:02d}_{stem}.{ext}"


def write_portfolio(
    p: Portfolio, rasters: list[Raster | None], folder_files: dict[str, bytes], rng: random.Random
) -> tuple[list[dict], dict[str, Raster]]:
    """Files of one portfolio into folder_files (name → bytes); returns its truth lines and its single-page scans."""
    truth: list[dict] = []
    singles: dict[str, Raster] = {}
    bundles: dict[int, list[int]] = {}
    for i, item in enumerate(p.items):
        if item.bundle is not None:
            bundles.setdefault(item.bundle, []).append(i)
    index = 0
    for i, item in enumerate(p.items):
        if item.bundle is not None:
            continue
        index += 1
        name = _name(index, item, rng)
        folder_files[name] = _file(item, rasters[i], rng)
        truth.append(_truth(p, name, [1], item))
        raster = rasters[i]
        if item.fmt == "scan" and raster is not None:
            singles[name] = raster
    for members in bundles.values():
        index += 1
        name = f"{index:02d}_{rng.choice(['scan', 'skan', 'dokumenty', 'portfolio'])}.pdf"
        pages = [r for r in (rasters[i] for i in members) if r is not None]
        when = max(p.items[i].doc.truth["issued_on"] for i in members)
        folder_files[name] = pack.pdf_from_jpegs(
            [r.data for r in pages], [r.dpi for r in pages], rng.choice(pack.SCANNERS), date.fromisoformat(when)
        )
        for page_no, i in enumerate(members, start=1):
            truth.append(_truth(p, name, [page_no], p.items[i]))
    return truth, singles


def _file(item: Item, raster: Raster | None, rng: random.Random) -> bytes:
    issued = date.fromisoformat(item.doc.truth["issued_on"])
    scanned = issued + timedelta(days=rng.randint(0, 400))
    if item.fmt == "digital":
        data = pack.born_digital_pdf([item.doc], rng, rng.choice(pack.WRITERS))
        if item.defect == "edited_pdf":
            later = issued + timedelta(days=rng.randint(60, 500))
            if rng.random() < 0.5:
                return pack.set_dates(data, issued, later, rng.choice(pack.EDITORS))
            return pack.incremental_edit(pack.set_dates(data, issued), rng.choice(pack.EDITORS), later)
        return pack.set_dates(data, issued)
    if item.fmt == "docx":
        return pack.docx_file(item.doc, issued)
    assert raster is not None
    if item.fmt == "jpeg":
        return raster.data
    if item.fmt == "png":
        return pack.png(Image.open(io.BytesIO(raster.data)))
    pdf = pack.pdf_from_jpegs([raster.data], [raster.dpi], rng.choice(pack.SCANNERS), scanned)
    if item.fmt == "encrypted":
        return pack.encrypt(pdf)
    if item.fmt == "truncated":
        return pack.truncate(pdf)
    return pdf


def _truth(p: Portfolio, source: str, pages: list[int], item: Item) -> dict:
    file_kind = {"jpeg": "jpeg", "png": "png", "docx": "docx"}.get(item.fmt, "pdf")
    # A poor scan's fields are not expected to be read (it is flagged for a reviewer to read), as for unreadable ones.
    unread = ("encrypted_pdf", "truncated_pdf", "unreadable_scan", "poor_scan")
    fields = {} if item.defect in unread else dict(item.doc.truth)
    expected, must_not = flags_for(item.doc.truth, item.defect, p.manifest, file_kind)
    return {
        "portfolio_id": p.pid,
        "source": source,
        "pages": pages,
        **fields,
        "expected_flags": expected,
        "must_not_flag": must_not,
        "defect": item.defect,
        "language": item.doc.language,
        "born_digital": item.fmt == "digital",
        "file_kind": file_kind,
        "family": item.doc.family,
        "wording": item.doc.wording,
        "holdout": item.doc.family in HOLDOUT,
        "kind": item.doc.kind,
        "format": item.fmt,
        "rotation": 90 * item.turns,
        "printed_date": item.doc.date_text,
        "printed_name": item.doc.name_text,
    }
