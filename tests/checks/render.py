"""Rendered test pages for the checks: certificate-like pages with or without seal, signature, pasted name.

Pages are drawn with Pillow at 200 dpi (A4), "scanned" (grain, blur, JPEG) with OpenCV, and come with the true
word boxes, as OCR would give them, so the visual detectors can be measured without Tesseract in the loop.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from models import Word

DPI = 200
W, H = 1654, 2339
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
INKS = {"blue": (40, 60, 190), "violet": (110, 50, 170), "grey": (85, 85, 85)}


@dataclass
class Rendered:
    image: np.ndarray  # BGR uint8
    words: list[Word]
    name_words: list[Word] = field(default_factory=list)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(BOLD if bold else FONT, size)


def _line(draw: ImageDraw.ImageDraw, words: list[Word], text: str, x: int, y: int, size: int, line: int) -> None:
    font = _font(size)
    for token in text.split():
        box = draw.textbbox((x, y), token, font=font)
        draw.text((x, y), token, font=font, fill=(20, 20, 20))
        words.append(
            Word(
                text=token, left=box[0], top=box[1], width=box[2] - box[0], height=box[3] - box[1], conf=92.0, line=line
            )
        )
        x = box[2] + size // 3


def stamp(img: Image.Image, cx: int, cy: int, colour: str, rng: random.Random) -> None:
    """A round seal: double rim, rim text set along the circle, a centre emblem."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    ink = INKS[colour] + (int(rng.uniform(170, 230)),)
    r = int(rng.uniform(0.75, 0.9) * DPI)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=5)
    d.ellipse((cx - r + 14, cy - r + 14, cx + r - 14, cy + r - 14), outline=ink, width=3)
    d.ellipse((cx - r // 3, cy - r // 3, cx + r // 3, cy + r // 3), outline=ink, width=3)
    font = _font(22, bold=True)
    rim = "БІЛІМ БЕРУ БӨЛІМІ * ОТДЕЛ ОБРАЗОВАНИЯ * "
    for i, ch in enumerate(rim):
        a = 2 * math.pi * i / len(rim)
        x, y = cx + (r - 36) * math.sin(a), cy - (r - 36) * math.cos(a)
        glyph = Image.new("RGBA", (30, 30), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((4, 2), ch, font=font, fill=ink)
        glyph = glyph.rotate(-math.degrees(a), resample=Image.BICUBIC)
        layer.alpha_composite(glyph, (int(x) - 15, int(y) - 15))
    d.text((cx - 60, cy - 12), "М.П. 0417", font=font, fill=ink)
    img.alpha_composite(layer)


def signature(draw: ImageDraw.ImageDraw, x: int, y: int, rng: random.Random, colour: str = "blue") -> None:
    """A pen signature: a few smooth loops and a flourish, 2–3 px strokes."""
    ink = (25, 35, 120) if colour == "blue" else (30, 30, 30)
    pts = []
    t0 = rng.uniform(0, 6)
    for i in range(120):
        t = i / 119
        px = x + t * rng.uniform(200, 260) if i == 0 else x + t * 240
        py = y + 28 * math.sin(7 * t * math.pi + t0) * (1 - 0.5 * t) + 18 * math.sin(19 * t + t0)
        pts.append((px + 12 * math.cos(9 * t * math.pi), py))
    draw.line(pts, fill=ink, width=rng.choice([2, 3]), joint="curve")
    draw.line([(x + 150, y + 30), (x + 290, y - 15)], fill=ink, width=2)


def emblem(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A coloured round emblem at the top, as on state certificates (not a seal)."""
    cx, cy, r = W // 2, 170, 110
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(30, 140, 215), outline=(200, 160, 20), width=8)
    draw.ellipse((cx - 45, cy - 45, cx + 45, cy + 45), fill=(240, 200, 40))


def certificate(
    rng: random.Random,
    name: str = "Ахметова Динара Ерлановна",
    seal: str | None = "blue",
    signed: bool = True,
    decor: bool = False,
    anchor: bool = True,
) -> tuple[Image.Image, list[Word], list[Word]]:
    img = Image.new("RGBA", (W, H), (255, 255, 255, 255))
    draw = ImageDraw.Draw(img)
    if decor:
        draw.rectangle((40, 40, W - 40, H - 40), outline=(40, 90, 200), width=28)
        draw.rectangle((90, 90, W - 90, H - 90), outline=(140, 60, 170), width=6)
        emblem(draw, rng)
    words: list[Word] = []
    _line(draw, words, "ДИПЛОМ", 640, 380, 90, 0)
    _line(draw, words, "II степени", 690, 520, 48, 1)
    _line(draw, words, "награждается", 650, 650, 40, 2)
    _line(draw, words, name, 330, 760, 56, 3)
    name_words = words[-len(name.split()) :]
    body = [
        "ученица 9 класса КГУ Общеобразовательная школа № 12",
        "призёр областного этапа республиканской олимпиады",
        "по математике среди учащихся 9–11 классов",
        "Руководитель: Сейткали Айгерім Нұрланқызы",
        "Приказ № 214 от 15.03.2024 г. город Караганда",
    ]
    for i, text in enumerate(body):
        _line(draw, words, text, 200, 920 + 80 * i, 38, 4 + i)
    sign_y = 1650
    _line(draw, words, "Руководитель управления образования" if anchor else "Караганда 2024", 200, sign_y, 36, 10)
    _line(draw, words, "Б. Жумабеков", 1250, sign_y, 36, 10)
    if signed:
        signature(draw, 880, sign_y + 10, rng)
    if seal:
        stamp(img, int(rng.uniform(700, 900)), sign_y + int(rng.uniform(-40, 60)), seal, rng)
    return img, words, name_words


def scan(img: Image.Image, rng: random.Random, grey: bool = False, quality: int | None = None) -> np.ndarray:
    """Paper shade, scanner grain, slight blur and JPEG, as a flatbed scan at 200 dpi would give."""
    arr = np.asarray(img.convert("RGB"), np.float32)[:, :, ::-1]
    # Paper shade with a gentle drift across the page, as a flatbed lamp gives.
    drift = np.linspace(0, rng.uniform(-6, 6), arr.shape[0], dtype=np.float32)[:, None, None]
    arr = arr * rng.uniform(0.93, 0.99) + rng.uniform(0, 8) + drift
    arr += np.random.default_rng(rng.randrange(10**6)).normal(0, rng.uniform(3, 6), arr.shape)
    out = np.clip(arr, 0, 255).astype(np.uint8)
    out = cv2.GaussianBlur(out, (3, 3), rng.uniform(0.4, 1.0))
    if grey:
        out = cv2.cvtColor(cv2.cvtColor(out, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    return jpeg(out, quality or rng.randint(50, 90))


def jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    _, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


def paste_name(
    image: np.ndarray, name_words: list[Word], new_name: str, rng: random.Random, shade: int | None = None
) -> tuple[np.ndarray, list[Word]]:
    """Cover the printed name with a clean rectangle (of grey `shade`, or a random near-white) carrying another name,
    as an editor would; new word boxes."""
    x0 = int(min(w.left for w in name_words)) - 10
    y0 = int(min(w.top for w in name_words)) - 14
    x1 = int(max(w.left + w.width for w in name_words)) + 10
    y1 = int(max(w.top + w.height for w in name_words)) + 14
    drawn = int(rng.uniform(244, 255))
    shade = drawn if shade is None else shade
    patch = Image.new("RGB", (x1 - x0, y1 - y0), (shade, shade, shade))
    draw = ImageDraw.Draw(patch)
    font = _font(54)
    words = []
    x = 10
    for token in new_name.split():
        box = draw.textbbox((x, 8), token, font=font)
        draw.text((x, 8), token, font=font, fill=(15, 15, 15))
        words.append(
            Word(
                text=token,
                left=x0 + box[0],
                top=y0 + box[1],
                width=box[2] - box[0],
                height=box[3] - box[1],
                conf=93.0,
                line=3,
            )
        )
        x = box[2] + 18
    out = image.copy()
    out[y0:y1, x0:x1] = np.asarray(patch)[:, :, ::-1]
    return out, words


def rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, m, (w, h), borderValue=(245, 245, 245))
