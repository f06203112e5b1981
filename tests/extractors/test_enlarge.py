"""Small print read again enlarged (extractors/enlarge.py), with real Tesseract on a rendered, degraded page."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.enlarge import reread_poor_lines
from extractors.tesseract import ocr

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SUBJECT = "«О составе жюри школьного этапа республиканского конкурса научных проектов по общеобразовательным предметам»"


def _order_head(subject_px: int) -> np.ndarray:
    """An order's head at 200 dpi: a title, the subject line in small bold print, a body line; scanned soft."""
    img = Image.new("L", (1654, 600), 255)
    draw = ImageDraw.Draw(img)
    draw.text((200, 80), "ВЫПИСКА ИЗ ПРИКАЗА", font=ImageFont.truetype(SERIF, 40), fill=0)
    draw.text((150, 200), SUBJECT, font=ImageFont.truetype(SERIF.replace("Serif", "Serif-Bold"), subject_px), fill=0)
    draw.text(
        (150, 300), "п. 3. Утвердить состав жюри: Ахметова Динара Ерлановна", font=ImageFont.truetype(SERIF, 34), fill=0
    )
    blurred = cv2.GaussianBlur(np.array(img), (0, 0), 1.0)
    return cv2.imdecode(cv2.imencode(".jpg", blurred, [cv2.IMWRITE_JPEG_QUALITY, 40])[1], cv2.IMREAD_GRAYSCALE)


def _line(words, number: int) -> tuple[str, float]:
    line = [w for w in words if w.line == number]
    return " ".join(w.text for w in line), float(np.mean([w.conf for w in line]))


def _exact(text: str) -> int:
    """How many of the subject's words were read exactly."""
    read = set(text.split())
    return sum(word in read for word in SUBJECT.strip("«»").split())


def _reader(crop: np.ndarray, dpi: int):
    return ocr(crop, dpi, "rus+kaz", 60, psm=7).words


def test_small_print_read_poorly_is_read_again_enlarged() -> None:
    gray = _order_head(subject_px=11)  # ≈ 8 px x-height at 200 dpi
    words = ocr(gray, 200, "rus+kaz", 60).words
    subject = next(w.line for w in words if 180 < w.top < 230)
    before, before_conf = _line(words, subject)
    assert before_conf < 75
    title_and_body = [w.model_copy() for w in words if w.line != subject]
    assert reread_poor_lines(words, gray, 200, _reader)
    after, after_conf = _line(words, subject)
    assert after_conf >= before_conf + 10
    assert _exact(after) > _exact(before)  # measured: 8 → 9 of the subject's 12 words, confidence 54 → 82
    # The other lines are untouched and the reading order kept: title, subject, body.
    assert [w for w in words if w.line != subject] == title_and_body
    assert [w.line for w in words] == sorted(w.line for w in words)


def test_lines_read_well_are_left_alone() -> None:
    gray = _order_head(subject_px=16)
    words = ocr(gray, 200, "rus+kaz", 60).words
    kept = [w.model_copy() for w in words]
    assert not reread_poor_lines(words, gray, 200, _reader)
    assert words == kept
