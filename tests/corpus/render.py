"""Rendering a document like a printed certificate (border, emblem, seal, signature) and scanning it."""

from __future__ import annotations

import io
import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.corpus.documents import Doc

DPI = 200
A4 = (int(8.27 * DPI), int(11.69 * DPI))
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
]  # every one covers the Kazakh letters ӘҒҚҢӨҰҮҺІ (Liberation does not: it printed empty boxes)
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _font(path: str, pt: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, int(pt * DPI / 72))


def _stamp(draw: ImageDraw.ImageDraw, centre: tuple[int, int], text: str, rng: random.Random) -> None:
    colour = rng.choice([(40, 60, 190), (90, 50, 170), (30, 80, 200)])
    r = int(0.8 * DPI)
    x, y = centre
    draw.ellipse([x - r, y - r, x + r, y + r], outline=colour, width=6)
    draw.ellipse([x - r + 22, y - r + 22, x + r - 22, y + r - 22], outline=colour, width=3)
    font = _font(FONTS[1], 9)
    for i, ch in enumerate(text):
        angle = 2 * math.pi * i / len(text) - math.pi / 2
        draw.text((x + (r - 14) * math.cos(angle) - 8, y + (r - 14) * math.sin(angle) - 10), ch, fill=colour, font=font)
    draw.text((x - 40, y - 20), "МӨР", fill=colour, font=_font(FONTS[1], 12))


def _signature(draw: ImageDraw.ImageDraw, origin: tuple[int, int], rng: random.Random) -> None:
    x, y = origin
    points = [(x + i * 9, y + int(25 * math.sin(i / 2.3 + rng.random()) + rng.randint(-8, 8))) for i in range(30)]
    draw.line(points, fill=(20, 20, 90), width=4, joint="curve")


def render(doc: Doc, rng: random.Random, stamp: bool = True) -> Image.Image:
    size = A4 if rng.random() < 0.8 else (A4[1], A4[0])
    page = Image.new("RGB", size, (252, 250, 244))
    draw = ImageDraw.Draw(page)
    w, h = size
    frame = rng.choice([(170, 130, 40), (30, 90, 150), (120, 30, 40)])
    draw.rectangle([60, 60, w - 60, h - 60], outline=frame, width=14)
    draw.rectangle([90, 90, w - 90, h - 90], outline=frame, width=3)
    draw.ellipse([w // 2 - 70, 120, w // 2 + 70, 260], outline=frame, width=5)  # emblem
    font_path = rng.choice(FONTS)
    y = 300
    for text, pt in doc.lines:
        font = _font(BOLD if pt >= 28 else font_path, pt)
        while draw.textlength(text, font=font) > w - 300 and pt > 9:
            pt -= 1
            font = _font(BOLD if pt >= 28 else font_path, pt)
        tw = draw.textlength(text, font=font)
        draw.text(((w - tw) / 2, y), text, fill=(15, 15, 15), font=font)
        y += int(pt * DPI / 72 * 1.6)
    # The signatory line is the last one: the signature and the seal cover it, not the date above it.
    last = y - int(doc.lines[-1][1] * DPI / 72 * 1.6)
    _signature(draw, (w // 2 + 60, last + 25), rng)
    if stamp:
        _stamp(draw, (w // 2 - 260, min(h - 240, y + 120)), doc.stamp_text, rng)
    return page


def scan(page: Image.Image, rng: random.Random, severe: bool = False) -> Image.Image:
    """Rotation, blur, noise, uneven light, scanner edge, JPEG artefacts; sometimes grayscale."""
    img = np.array(page)[:, :, ::-1].astype(np.float32)
    h, w = img.shape[:2]
    angle = rng.uniform(-2.0, 2.0)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(img, matrix, (w, h), borderValue=(250, 250, 250))
    light = np.linspace(rng.uniform(0.85, 1.0), 1.0, w, dtype=np.float32)[None, :, None]
    img = img * light
    img[:, : rng.randint(0, 25)] *= 0.25  # dark scanner edge
    sigma = 4.5 if severe else rng.uniform(0.3, 0.9)
    img = cv2.GaussianBlur(img, (0, 0), sigma)
    img += np.random.default_rng(rng.randint(0, 2**31)).normal(0, 70 if severe else 6, img.shape)
    img = np.clip(img, 0, 255).astype(np.uint8)
    if severe:
        img = cv2.resize(cv2.resize(img, (w // 7, h // 7), interpolation=cv2.INTER_AREA), (w, h))
    quality = 12 if severe else rng.randint(45, 85)
    _, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    out = Image.open(io.BytesIO(buf.tobytes()))
    return out.convert("L") if rng.random() < 0.1 and not severe else out
