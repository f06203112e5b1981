"""A sideways page is read upright even when orientation detection names the mirror turn (90° for 270°), or cannot
tell (None: both quarter turns are read, and the better reading wins)."""

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
