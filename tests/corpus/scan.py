"""Turning a printed page into what a commission receives: a flatbed scan, a phone photo, or an unreadable mess.

Flatbed: small rotation, lamp drift, dark lid edge, grain, blur, JPEG, sometimes grayscale or a hard photocopy.
Phone photo: perspective, table around the sheet, shadow, colour cast. Severe: heavy blur, down-sampling, noise and
JPEG at quality ~10 — measured in tests/corpus/test_generator.py to leave Tesseract without the fields. Poor: text
shrunk to the edge of legibility, read with low confidence.
"""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.corpus.families import FONTS


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def _jpeg(img: np.ndarray, quality: int) -> np.ndarray:
    _, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)


def _grain(rng: random.Random, shape: tuple[int, ...], sigma: float) -> np.ndarray:
    """Scanner grain: one float32 plane shared by the channels (a third of the cost of per-channel noise)."""
    return _np(rng).standard_normal(shape[:2], dtype=np.float32) * sigma


def flatbed(page: Image.Image, rng: random.Random) -> Image.Image:
    img = cv2.cvtColor(np.asarray(page.convert("RGB")), cv2.COLOR_RGB2BGR)
    h, w = img.shape[:2]
    mode = rng.random()
    if mode < 0.25:
        img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)  # grayscale scan: seals turn grey/black
    angle = rng.uniform(-2.5, 2.5)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(img, m, (w, h), borderValue=(246, 246, 246) if img.ndim == 3 else 246)
    # Lamp drift along the page and a darker lid edge on one side.
    along_x = rng.random() < 0.5
    light = np.linspace(rng.uniform(0.86, 1.0), rng.uniform(0.96, 1.03), w if along_x else h, dtype=np.float32)
    gain = np.broadcast_to(light[None, :] if along_x else light[:, None], (h, w)).copy()
    edge = rng.randint(0, 40)
    if edge:
        side = rng.choice(["left", "top", "right"])
        region = {"left": np.s_[:, :edge], "right": np.s_[:, w - edge :], "top": np.s_[:edge, :]}[side]
        gain[region] *= 0.2
    out = img.astype(np.float32)
    plane = gain * 1.0
    noise = _grain(rng, img.shape, rng.uniform(2, 7))
    if out.ndim == 3:
        out *= plane[:, :, None]
        out += noise[:, :, None]
    else:
        out *= plane
        out += noise
    np.clip(out, 0, 255, out=out)
    img = cv2.GaussianBlur(out.astype(np.uint8), (0, 0), rng.uniform(0.35, 1.0))
    if 0.2 <= mode < 0.25:
        img = cv2.convertScaleAbs(img, alpha=1.6, beta=-96)  # hard photocopy contrast
    img = _jpeg(img, rng.randint(40, 88))
    return _pil(img)


def phone_photo(page: Image.Image, rng: random.Random) -> Image.Image:
    img = cv2.cvtColor(np.asarray(page.convert("RGB")), cv2.COLOR_RGB2BGR)
    h, w = img.shape[:2]
    pad = int(0.08 * max(w, h))
    table = np.array([rng.randint(90, 160), rng.randint(80, 140), rng.randint(60, 120)], dtype=np.uint8)
    canvas = np.empty((h + 2 * pad, w + 2 * pad, 3), np.uint8)
    canvas[:] = table
    canvas[pad : pad + h, pad : pad + w] = img
    H, W = canvas.shape[:2]
    src = np.float32([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]])
    j = lambda: rng.uniform(-0.045, 0.045) * w  # noqa: E731
    dst = np.float32(
        [[pad + j(), pad + j()], [pad + w + j(), pad + j()], [pad + w + j(), pad + h + j()], [pad + j(), pad + h + j()]]
    )
    canvas = cv2.warpPerspective(canvas, cv2.getPerspectiveTransform(src, dst), (W, H), borderValue=table.tolist())
    # A soft shadow across one side and a warm colour cast from room light (computed small, then enlarged).
    small = (max(8, W // 16), max(8, H // 16))
    yy, xx = np.mgrid[0 : small[1], 0 : small[0]].astype(np.float32)
    cx, cy = rng.uniform(0, small[0]), rng.uniform(0, small[1])
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(small)
    shade = cv2.resize(1.0 - rng.uniform(0.15, 0.4) * np.clip(dist, 0, 1), (W, H), interpolation=cv2.INTER_LINEAR)
    cast = np.array([rng.uniform(0.85, 0.95), rng.uniform(0.95, 1.0), 1.0], dtype=np.float32)
    out = canvas.astype(np.float32)
    out *= shade[:, :, None]
    out *= cast
    out += _grain(rng, out.shape, rng.uniform(3, 6))[:, :, None]
    np.clip(out, 0, 255, out=out)
    img = cv2.GaussianBlur(out.astype(np.uint8), (0, 0), rng.uniform(0.6, 1.2))
    scale = rng.uniform(0.75, 0.95)
    img = cv2.resize(img, (int(W * scale), int(H * scale)), interpolation=cv2.INTER_AREA)
    return _pil(_jpeg(img, rng.randint(65, 90)))


def severe(page: Image.Image, rng: random.Random) -> Image.Image:
    """A scan nobody can read: fax-like down-sampling, blur, strong noise, JPEG at quality ~10."""
    img = cv2.cvtColor(np.asarray(page.convert("L")), cv2.COLOR_GRAY2BGR)
    h, w = img.shape[:2]
    factor = rng.uniform(11, 14)
    tiny = cv2.resize(img, (int(w / factor), int(h / factor)), interpolation=cv2.INTER_AREA)
    tiny = cv2.GaussianBlur(tiny, (0, 0), rng.uniform(0.7, 0.9))
    img = cv2.resize(tiny, (w, h), interpolation=cv2.INTER_CUBIC)
    out = img.astype(np.float32)
    out += _grain(rng, out.shape, rng.uniform(55, 70))[:, :, None]
    np.clip(out, 0, 255, out=out)
    return _pil(_jpeg(out.astype(np.uint8), rng.randint(8, 12)))


def _text_height(gray: np.ndarray) -> float:
    """Median height (px) of the page's letter-sized ink blobs: how large its text mostly is."""
    _, _, stats, _ = cv2.connectedComponentsWithStats((gray < 128).astype(np.uint8), 8)
    heights, widths = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    letters = heights[(heights >= 6) & (heights <= 80) & (widths <= 3 * heights)]
    return float(np.median(letters)) if len(letters) else 20.0


def poor_scan(page: Image.Image, rng: random.Random) -> Image.Image:
    """A scan read with low confidence: its text shrunk to ≈ 3 px letters (a fax of a fax, a thumbnail printed
    out), then grain and JPEG. Measured with the pipeline (8 pages): 7 read at confidence 26–41 with names garbled,
    a page of mostly large print at 89 with its name right. Scaling by the page's own text keeps it this poor
    whatever its fonts; a fixed factor gave anything from unreadable to 85."""
    img = cv2.cvtColor(np.asarray(page.convert("L")), cv2.COLOR_GRAY2BGR)
    h, w = img.shape[:2]
    factor = max(1.5, _text_height(img[:, :, 0]) / rng.uniform(3.0, 3.4))
    tiny = cv2.resize(img, (int(w / factor), int(h / factor)), interpolation=cv2.INTER_AREA)
    img = cv2.resize(tiny, (w, h), interpolation=cv2.INTER_CUBIC)
    out = img.astype(np.float32) + _grain(rng, img.shape, rng.uniform(25, 35))[:, :, None]
    np.clip(out, 0, 255, out=out)
    return _pil(_jpeg(out.astype(np.uint8), rng.randint(20, 30)))


def turn(image: Image.Image, quarter_turns: int) -> Image.Image:
    """Pages fed sideways or upside down: 1 = 90°, 2 = 180°, 3 = 270°."""
    return image.rotate(90 * quarter_turns, expand=True) if quarter_turns else image


def paste_name(
    page: Image.Image, box: tuple[int, int, int, int], name: str, rng: random.Random, dpi: int
) -> Image.Image:
    """A name pasted over the printed one: a paper-white patch with the name in another font and size."""
    x0, y0, x1, y1 = box
    pad = int(dpi * 0.05)
    out = page.copy()
    draw = ImageDraw.Draw(out)
    shade = rng.randint(249, 255)
    draw.rectangle([x0 - pad, y0 - pad // 2, x1 + pad, y1 + pad // 2], fill=(shade, shade, shade))
    face_path = rng.choice([FONTS["dejavu_sans"].regular, FONTS["free_serif"].regular, FONTS["carlito"].regular])
    height = y1 - y0
    size = int(height * rng.uniform(0.5, 0.68))
    face = ImageFont.truetype(face_path, size)
    while draw.textlength(name, font=face) > (x1 - x0) + 2 * pad and size > 10:
        size -= 2
        face = ImageFont.truetype(face_path, size)
    tw = draw.textlength(name, font=face)
    draw.text(((x0 + x1 - tw) / 2, y0 + (height - size) / 2), name, fill=(rng.randint(0, 40),) * 3, font=face)
    return out


def _pil(img: np.ndarray) -> Image.Image:
    if img.ndim == 2:
        return Image.fromarray(img, "L")
    return Image.fromarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB))


def encode_jpeg(image: Image.Image, quality: int, dpi: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buffer.getvalue()
