"""Readers on real inputs: rendered scans (rotated, Kazakh), born-digital PDFs, encrypted, truncated, DOCX, images."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors import read_file
from extractors.filekind import sniff
from extractors.preprocess import estimate_skew, rotate
from models import FileKind, Flag, TextSource
from pipeline.config import Settings
from tests.corpus import documents as D
from tests.corpus.pack import born_digital_pdf, docx_file, encrypt, jpeg, scanned_pdf, truncate
from tests.corpus.render import render, scan

SETTINGS = Settings()
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _kazakh_doc() -> D.Doc:
    return D.course_certificate(random.Random(3), "Сейткали Айгерім Нұрланқызы", D.date(2024, 3, 15), kk=True)


def _text_page(lines: list[str], angle: float = 0.0) -> Image.Image:
    page = Image.new("RGB", (1654, 2339), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 44)
    for i, line in enumerate(lines):
        draw.text((150, 300 + i * 90), line, fill="black", font=font)
    return page.rotate(angle, expand=False, fillcolor="white") if angle else page


def test_scanned_kazakh_pdf_is_ocred_with_kazakh_letters() -> None:
    data = scanned_pdf([scan(render(_kazakh_doc(), random.Random(1)), random.Random(2))])
    reading = read_file(data, "a.pdf", SETTINGS)
    assert reading.kind is FileKind.pdf and not reading.flags and len(reading.pages) == 1
    page = reading.pages[0]
    assert page.text_source is TextSource.ocr and page.ocr_confidence and page.ocr_confidence > 60
    assert "СЕРТИФИКАТ" in page.text and "Айгерім" in page.text and "біліктілікті" in page.text
    assert page.image is not None and page.image.ndim == 3


def test_upside_down_page_is_turned_and_read() -> None:
    page = _text_page(
        [
            "ДИПЛОМ I степени награждается Иванова Мария",
            "ученица 9 класса за победу в областном этапе",
            "республиканской олимпиады по математике",
        ]
        * 3
    ).rotate(180)
    reading = read_file(jpeg(page), "photo.jpg", SETTINGS)
    assert reading.kind is FileKind.jpeg and Flag.not_pdf in reading.flags
    assert reading.pages[0].rotation == 180 and "олимпиады" in reading.pages[0].text


def test_deskew_recovers_the_angle() -> None:
    gray = np.array(_text_page(["Управление образования Карагандинской области"] * 12).convert("L"))
    assert abs(estimate_skew(rotate(gray, 2.0)) - (-2.0)) <= 0.5


def test_born_digital_pdf_uses_the_text_layer() -> None:
    reading = read_file(born_digital_pdf([_kazakh_doc()]), "d.pdf", SETTINGS)
    page = reading.pages[0]
    assert page.text_source is TextSource.text_layer and page.ocr_confidence is None
    assert "Нұрланқызы" in page.text and reading.metadata.get("Producer", "").startswith("Microsoft Word")


def test_encrypted_truncated_empty_and_unknown_files_get_reasons() -> None:
    pdf = scanned_pdf([_text_page(["ДИПЛОМ"])])
    encrypted = read_file(encrypt(pdf), "e.pdf", SETTINGS)
    assert encrypted.flags == [Flag.encrypted] and "encrypted" in (encrypted.error or "")
    broken = read_file(truncate(pdf), "t.pdf", SETTINGS)
    assert Flag.unreadable in broken.flags and "truncated or corrupt" in (broken.error or "")
    empty = read_file(b"", "x.pdf", SETTINGS)
    assert empty.kind is FileKind.empty and Flag.unreadable in empty.flags
    junk = read_file(b"hello, this is not a document", "x.pdf", SETTINGS)
    assert junk.kind is FileKind.unknown and {Flag.not_pdf, Flag.unreadable} <= set(junk.flags)


def test_docx_is_read_and_flagged() -> None:
    reading = read_file(docx_file(_kazakh_doc()), "c.docx", SETTINGS)
    assert reading.kind is FileKind.docx and reading.flags == [Flag.not_pdf] and "академиялық" in reading.pages[0].text


def test_decompression_bomb_is_refused_before_decoding() -> None:
    buffer = io.BytesIO()
    Image.new("L", (12000, 12000), 255).save(buffer, "PNG")
    reading = read_file(buffer.getvalue(), "big.png", Settings(max_page_pixels=50_000_000))
    assert reading.error and "limit" in reading.error and not reading.pages


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7", FileKind.pdf),
        (b"\x89PNG\r\n\x1a\nxxxx", FileKind.png),
        (b"\xff\xd8\xff\xe0", FileKind.jpeg),
        (b"II*\x00abcd", FileKind.tiff),
    ],
)
def test_sniff_by_content(data: bytes, kind: FileKind) -> None:
    assert sniff(data) is kind


def test_huge_bold_title_is_read() -> None:
    # A 96-pt bold title: a median-filter background took its strokes for paper and bleached them.
    page = Image.new("RGB", (2339, 1654), (250, 245, 230))
    draw = ImageDraw.Draw(page)
    draw.text((150, 250), "ДИПЛОМ", fill=(30, 60, 160), font=ImageFont.truetype(FONT.replace(".ttf", "-Bold.ttf"), 267))
    draw.text((150, 900), "награждается Иванова Мария", fill="black", font=ImageFont.truetype(FONT, 44))
    reading = read_file(scanned_pdf([page]), "a.pdf", SETTINGS)
    assert reading.pages[0].text.split("\n")[0] == "ДИПЛОМ"
