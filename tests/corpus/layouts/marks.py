"""Seals and signatures: round coloured seals with rim text (blue/violet ink, semi-transparent), rectangular
registration stamps, and pen signatures drawn as smooth random strokes on the signatory line.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

from tests.corpus.layouts.canvas import Page, font

INKS = [(40, 60, 190), (95, 55, 175), (30, 85, 200), (70, 50, 150)]


def round_seal(
    page: Page, centre: tuple[int, int], rim: str, rng: random.Random, ink: tuple[int, int, int] | None = None
) -> None:
    ink = ink or rng.choice(INKS)
    alpha = rng.randint(150, 215)
    r = page.px(rng.uniform(56, 66))  # a seal is 40–45 mm across
    size = 2 * r + 8
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    c = size // 2
    colour = (*ink, alpha)
    d.ellipse([c - r, c - r, c + r, c + r], outline=colour, width=max(3, page.px(2.2)))
    d.ellipse(
        [c - r + page.px(6), c - r + page.px(6), c + r - page.px(6), c + r - page.px(6)],
        outline=colour,
        width=max(1, page.px(0.8)),
    )
    inner = r - page.px(20)
    d.ellipse([c - inner, c - inner, c + inner, c + inner], outline=colour, width=max(1, page.px(0.8)))
    # Rim text all round the seal, as seals carry the full name and the republic's name.
    text = rim.strip() + " * "
    while len(text) < 42:
        text += "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ * "
    text = text[:64]
    radius = r - page.px(13)
    face = font("dejavu_sans", "bold", max(8, min(page.px(8), int(2 * math.pi * radius / len(text) * 1.15))))
    for i, ch in enumerate(text):
        a = 2 * math.pi * i / len(text) - math.pi / 2
        glyph = Image.new("RGBA", (page.px(14), page.px(14)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((page.px(7), page.px(7)), ch, font=face, fill=colour, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x, y = c + radius * math.cos(a), c + radius * math.sin(a)
        layer.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    centre_text = rng.choice(["ҚҰЖАТТАР ҮШІН", "Для документов", f"БСН {rng.randint(10**11, 10**12 - 1)}", "М.П."])
    d.text((c, c), centre_text, font=font("dejavu_sans", "bold", page.px(6.5)), fill=colour, anchor="mm")
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    if rng.random() < 0.5:  # uneven pressure: part of the impression is faint
        mask = np.array(layer)
        fade = np.linspace(rng.uniform(0.4, 0.8), 1.0, mask.shape[1])[None, :]
        mask[:, :, 3] = (mask[:, :, 3] * fade).astype(np.uint8)
        layer = Image.fromarray(mask)
    x, y = centre
    page.image.paste(layer, (x - size // 2, y - size // 2), layer)


def rect_stamp(page: Page, origin: tuple[int, int], lines: list[str], rng: random.Random) -> None:
    ink = (*rng.choice(INKS), rng.randint(160, 220))
    face = font("dejavu_sans", "bold", page.px(8))
    width = max(int(ImageDraw.Draw(page.image).textlength(t, font=face)) for t in lines) + page.px(16)
    height = page.px(12) * len(lines) + page.px(12)
    layer = Image.new("RGBA", (width + 8, height + 8), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.rectangle([2, 2, width, height], outline=ink, width=max(2, page.px(1.5)))
    for i, t in enumerate(lines):
        d.text((page.px(8), page.px(6) + i * page.px(12)), t, font=face, fill=ink)
    layer = layer.rotate(rng.uniform(-6, 6), expand=True, resample=Image.BICUBIC)
    page.image.paste(layer, origin, layer)


def _spline(points: list[tuple[float, float]], steps: int = 12) -> list[tuple[float, float]]:
    """Catmull-Rom through the control points: a smooth pen path."""
    out = []
    pts = [points[0], *points, points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(steps):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(
                    0.5
                    * (
                        2 * p1[j]
                        + (-p0[j] + p2[j]) * t
                        + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                        + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3
                    )
                    for j in range(2)
                )
            )
    return out


def signature(page: Page, spot: tuple[int, int], rng: random.Random, ink: tuple[int, int, int] | None = None) -> None:
    """A handwritten-looking signature: a tall capital, a run of uneven strokes, a loop and a flourish."""
    ink = ink or rng.choice([(20, 30, 110), (25, 25, 60), (30, 40, 150)])
    draw = page.draw
    x, y = spot
    s = page.dpi / 200 * rng.uniform(1.2, 1.6)
    width = max(2, int(rng.choice([2, 3, 3, 4]) * page.dpi / 200))
    # The capital: up, over and down.
    cap = [
        (x, y),
        (x + 8 * s, y - 55 * s * rng.uniform(0.7, 1.1)),
        (x + 28 * s, y - 40 * s),
        (x + 12 * s, y - 5 * s),
        (x + 30 * s, y - 15 * s),
    ]
    run = [(x + 30 * s, y - 15 * s)]
    cx = x + 30 * s
    for _ in range(rng.randint(6, 11)):
        cx += rng.uniform(10, 24) * s
        run.append((cx, y - rng.uniform(-10, 38) * s))
    if rng.random() < 0.6:  # a loop
        lx, ly, r = cx + 10 * s, y - 12 * s, rng.uniform(8, 14) * s
        run += [(lx + r * math.cos(a), ly + r * math.sin(a)) for a in np.linspace(math.pi, 3 * math.pi, 7)]
        cx = lx + r
    tail = [
        (cx, y),
        (cx + 40 * s, y + 8 * s),
        (x + rng.uniform(20, 60) * s, y + 14 * s),
        (cx + rng.uniform(50, 90) * s, y - 6 * s),
    ]
    for part in (cap, run, tail):
        draw.line(_spline(part), fill=ink, width=width if part is not tail else max(1, width - 1), joint="curve")


def sign_and_seal(page: Page, rim: str, rng: random.Random, stamped: bool, signed: bool) -> None:
    """Pen on every signatory line; the seal over the first one's left end, overlapping the signature (М.П.)."""
    if not page.sign_spots:
        return
    for spot in page.sign_spots:
        if signed:
            signature(page, (spot[0] + page.px(rng.uniform(0, 20)), spot[1]), rng)
    if stamped:
        sx, sy = page.sign_spots[0]
        jitter = page.px(rng.uniform(-25, 35))
        round_seal(page, (sx - page.px(rng.uniform(0, 40)) + jitter, sy + page.px(rng.uniform(-10, 25))), rim, rng)
