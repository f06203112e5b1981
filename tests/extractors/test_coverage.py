"""Lines the page layout skipped are read again and put back in reading order (extractors/coverage.py)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.coverage import recover_unread, unread_region
from extractors.numerals import text_from_words
from extractors.preprocess import prepare
from extractors.tesseract import ocr

DPI = 200
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = [
    "КУӘЛІК",
    "Осы куәлік Жуковская Наталья Петровнаға берілді",
    "курстан өткені туралы, сағат саны 108",
    "«26» маусым 2021 ж.",
]


def _page() -> np.ndarray:
    page = Image.new("RGB", (1654, 1200), "white")
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(LINES):
        draw.text((150, 200 + i * 120), line, fill="black", font=ImageFont.truetype(FONT, 40))
    return prepare(np.array(page)[:, :, ::-1], DPI).gray


def _read_block(crop: np.ndarray) -> list:
    return ocr(crop, DPI, "rus+kaz", 60, psm=6).words


def test_a_skipped_line_is_read_again_in_its_place() -> None:
    gray = _page()
    words = ocr(gray, DPI, "rus+kaz", 60).words
    assert unread_region(gray, words, DPI) is None  # read whole: nothing to recover, no second read
    second = {w.line for w in words if "Жуковская" in w.text}
    skipped = [w for w in words if w.line not in second]  # as if the layout analysis had dropped the line
    recovered = recover_unread(gray, skipped, DPI, _read_block)
    assert recovered is not None
    text = text_from_words(recovered).splitlines()
    assert text[0] == "КУӘЛІК" and "Жуковская Наталья" in text[1] and "108" in text[2]


def test_a_line_with_a_rule_run_through_it_is_found_and_read_without_the_rule() -> None:
    # Fresh corpus seed 31337: a photographed protocol's date sat on its header rule and the page reading skipped it;
    # read again with the rule in place, the block gave nothing (measured here too before rules were painted out).
    page = Image.new("RGB", (1654, 900), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 40)
    draw.text((150, 150), "№ 7 хаттамасынан үзінді", fill="black", font=font)
    draw.text((700, 300), "2019 жылғы 19 мамыр", fill="black", font=font)
    draw.line((100, 316, 1550, 308), fill=(40, 40, 40), width=5)  # slightly slanted, across the letters' tops
    draw.text((150, 450), "Қатысқандар: кеңестің 17 мүшесі.", fill="black", font=font)
    gray = prepare(np.array(page)[:, :, ::-1], DPI).gray
    words = ocr(gray, DPI, "rus+kaz", 60).words
    dated = {w.line for w in words if "мамыр" in w.text.lower()}
    skipped = [w for w in words if w.line not in dated]  # as the layout analysis of the photographed page did
    region = unread_region(gray, skipped, DPI)
    assert region is not None and region.top < 330 < region.bottom  # the date line
    recovered = recover_unread(gray, skipped, DPI, _read_block)
    assert recovered is not None and "мамыр" in text_from_words(recovered).lower()
