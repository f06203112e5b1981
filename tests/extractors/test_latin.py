"""Latin brand names re-read with the English model (extractors/latin.py), with real Tesseract on rendered words."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.latin import LATIN_LANGUAGE, reread_latin
from extractors.tesseract import ocr

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _line(text: str) -> np.ndarray:
    img = Image.new("L", (1400, 120), 255)
    ImageDraw.Draw(img).text((40, 30), text, font=ImageFont.truetype(SANS, 40), fill=0)
    return np.array(img)


def _reader(crop: np.ndarray):
    return ocr(crop, 200, LATIN_LANGUAGE, 60, psm=7).words


def test_a_latin_brand_read_in_cyrillic_look_alikes_is_read_again() -> None:
    gray = _line("Олимпиада «Youngchallenger» 2023")
    words = ocr(gray, 200, "rus+kaz", 60).words
    # What the Cyrillic models make of it (the test fails loudly if they ever read it right).
    brand = next(w for w in words if "«" in w.text)
    assert "Youngchallenger" not in brand.text
    brand.conf = min(brand.conf or 0, 80)  # read with doubt, as on a scan
    assert reread_latin(words, gray, _reader)
    assert "Youngchallenger" in brand.text and (brand.conf or 0) >= 85


def test_cyrillic_quoted_words_stay_as_read() -> None:
    gray = _line("конкурс «ДАРЫН» и «Зерде» БУКЕТОВА»")
    words = ocr(gray, 200, "rus+kaz", 60).words
    for w in words:
        w.conf = 70.0  # even read with doubt: English reads them as traced capitals or garbage, not a Latin word
    before = [w.text for w in words]
    reread_latin(words, gray, _reader)
    assert [w.text for w in words] == before
