"""A sideways page is read upright even when orientation detection names the mirror turn (90° for 270°), or cannot
tell (None: both quarter turns and the half turn are read, and the better reading wins)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from extractors import ocr_page
from pipeline.config import Settings
from tests.checks.render import DPI, certificate, scan


@pytest.fixture(scope="module")
def sideways() -> np.ndarray:
    rng = random.Random(5)
    img, _, _ = certificate(rng)
    return np.ascontiguousarray(np.rot90(scan(img, rng)))  # turned a quarter anticlockwise: upright at 90° clockwise


@pytest.mark.parametrize("osd_says", [90, 270, None])
def test_sideways_page_is_read_upright_whichever_turn_osd_names(
    sideways: np.ndarray, osd_says: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_page, "detect_orientation", lambda gray, dpi: osd_says)
    prepared, result = ocr_page._read_upright(sideways, DPI, Settings())
    assert prepared.rotation == 90
    assert (result.mean_confidence or 0) >= ocr_page.UPRIGHT_CONFIDENCE
    assert "ДИПЛОМ" in " ".join(w.text for w in result.words)


def test_an_upside_down_page_osd_cannot_place_is_read_turned_over(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(6)
    img, _, _ = certificate(rng)
    upside_down = np.ascontiguousarray(np.rot90(scan(img, rng), 2))
    monkeypatch.setattr(ocr_page, "detect_orientation", lambda gray, dpi: None)
    prepared, result = ocr_page._read_upright(upside_down, DPI, Settings())
    assert prepared.rotation == 180
    assert "ДИПЛОМ" in " ".join(w.text for w in result.words)


def test_a_page_read_down_its_vertical_lines_is_not_taken_as_upright() -> None:
    # Tesseract reads a sideways page's lines top to bottom too, at a fair confidence (seed 915 P915-30: 31 words,
    # every box taller than wide, mean 73): that page is turned and read again, not kept as it lies.
    from extractors.tesseract import OcrResult
    from models import Word

    def reading(width: float, height: float) -> OcrResult:
        words = [Word(text=t, left=0, top=40 * i, width=width, height=height, conf=80) for i, t in enumerate(TEXT)]
        return OcrResult(words=words, text=" ".join(TEXT), mean_confidence=80)

    assert ocr_page._reads_upright(reading(160, 40))
    assert not ocr_page._reads_upright(reading(40, 160))


TEXT = ["СЕРТИФИКАТ", "Ахметова", "Динара", "Ерлановна", "педагогтердің", "біліктілігін", "арттырудың"]
