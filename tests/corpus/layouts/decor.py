"""Decoration certificates carry: ornamental frames, a round emblem, guilloche backgrounds, watermarks, ribbons,
a QR square. Drawn light or at the edges, so text stays legible, as on printed forms.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw

from tests.corpus.layouts.canvas import Page


def tint(colour: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    """Mix a colour with white: amount 0 = colour, 1 = white."""
    r, g, b = colour
    return (int(r + (255 - r) * amount), int(g + (255 - g) * amount), int(b + (255 - b) * amount))


def frame(page: Page, colour: tuple[int, int, int], rng: random.Random, ornate: bool = True) -> None:
    draw = page.draw
    w, h = page.image.size
    m = page.px(rng.uniform(18, 28))
    draw.rectangle([m, m, w - m, h - m], outline=colour, width=page.px(5))
    inner = m + page.px(9)
    draw.rectangle([inner, inner, w - inner, h - inner], outline=colour, width=max(1, page.px(1.2)))
    if ornate:  # a chain of small lozenges between the two lines
        step = page.px(14)
        mid = (m + inner) // 2
        r = page.px(2.5)
        for x in range(m + step, w - m - step, step):
            for y in (mid, h - mid):
                draw.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=tint(colour, 0.3))
        for y in range(m + step, h - m - step, step):
            for x in (mid, w - mid):
                draw.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=tint(colour, 0.3))


def emblem(page: Page, centre: tuple[int, int], radius: int, rng: random.Random) -> None:
    """A state-emblem-like roundel: blue disc, golden rays and ring, a sun in the centre."""
    draw = page.draw
    cx, cy = centre
    gold, blue = (205, 165, 40), (30, 130, 200)
    draw.ellipse(
        [cx - radius, cy - radius, cx + radius, cy + radius], fill=blue, outline=gold, width=max(2, radius // 12)
    )
    for i in range(24):
        a = 2 * math.pi * i / 24
        r0, r1 = radius * 0.35, radius * 0.8
        draw.line(
            [(cx + r0 * math.cos(a), cy + r0 * math.sin(a)), (cx + r1 * math.cos(a), cy + r1 * math.sin(a))],
            fill=gold,
            width=max(1, radius // 20),
        )
    draw.ellipse([cx - radius * 0.3, cy - radius * 0.3, cx + radius * 0.3, cy + radius * 0.3], fill=gold)


def school_logo(page: Page, centre: tuple[int, int], size: int, colour: tuple[int, int, int]) -> None:
    """An open book under a star: the kind of logo schools put on letterheads."""
    draw = page.draw
    cx, cy = centre
    s = size
    draw.polygon(
        [(cx, cy), (cx - s, cy - s // 3), (cx - s, cy + s // 2), (cx, cy + s // 2 + s // 4)],
        outline=colour,
        width=max(2, s // 15),
    )
    draw.polygon(
        [(cx, cy), (cx + s, cy - s // 3), (cx + s, cy + s // 2), (cx, cy + s // 2 + s // 4)],
        outline=colour,
        width=max(2, s // 15),
    )
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        r = s * 0.45 if i % 2 == 0 else s * 0.18
        pts.append((cx + r * math.cos(a), cy - s * 0.75 + r * math.sin(a)))
    draw.polygon(pts, fill=colour)


def guilloche(page: Page, colour: tuple[int, int, int], rng: random.Random, strength: float = 0.82) -> None:
    """Rosette-and-wave security pattern over the whole page, very light (as on printed certificate blanks)."""
    w, h = page.image.size
    layer = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(layer)
    t = np.linspace(0, 2 * np.pi, 1400)
    amp = h * rng.uniform(0.015, 0.03)
    for k in range(0, h, max(6, page.px(7))):
        phase = rng.uniform(0, 2 * np.pi)
        ys = k + amp * np.sin(3 * t + phase) + amp * 0.5 * np.sin(11 * t)
        xs = t / (2 * np.pi) * w
        draw.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=255, width=1)
    cx, cy = w / 2, h / 2
    big, small, d = min(w, h) * 0.32, min(w, h) * 0.07, min(w, h) * 0.12
    t = np.linspace(0, 40 * np.pi, 6000)
    xs = cx + (big - small) * np.cos(t) + d * np.cos((big - small) / small * t)
    ys = cy + (big - small) * np.sin(t) - d * np.sin((big - small) / small * t)
    draw.line(list(zip(xs.tolist(), ys.tolist(), strict=True)), fill=255, width=1)
    _blend(page, layer, tint(colour, strength))


def watermark(page: Page, text: str, colour: tuple[int, int, int], rng: random.Random) -> None:
    from tests.corpus.layouts.canvas import font

    w, h = page.image.size
    layer = Image.new("L", (w, h), 0)
    face = font(page.body_font, "bold", page.px(70))
    ImageDraw.Draw(layer).text((w // 2, h // 2), text, fill=255, font=face, anchor="mm")
    layer = layer.rotate(rng.uniform(20, 35), resample=Image.BILINEAR)
    _blend(page, layer, tint(colour, 0.9))


def _blend(page: Page, mask: Image.Image, colour: tuple[int, int, int]) -> None:
    solid = Image.new("RGB", page.image.size, colour)
    page.image.paste(solid, (0, 0), mask)


def corner_ribbons(page: Page, colours: tuple[tuple[int, int, int], ...], rng: random.Random) -> None:
    draw = page.draw
    w, h = page.image.size
    c1, c2 = colours[0], colours[-1]
    s = page.px(150)
    draw.polygon([(0, 0), (s, 0), (0, s)], fill=c1)
    draw.polygon([(0, 0), (int(s * 1.3), 0), (0, int(s * 0.25))], fill=tint(c2, 0.2))
    draw.polygon([(w, h), (w - s, h), (w, h - s)], fill=c2)
    draw.polygon([(w, h), (w - int(s * 1.3), h), (w, h - int(s * 0.25))], fill=tint(c1, 0.2))
    for _ in range(12):  # confetti stars along the top
        x, y, r = rng.randint(s, w - page.px(40)), rng.randint(page.px(10), page.px(60)), page.px(rng.uniform(3, 7))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tint(rng.choice(colours), 0.4))


def medal(page: Page, centre: tuple[int, int], radius: int, colour: tuple[int, int, int]) -> None:
    draw = page.draw
    cx, cy = centre
    draw.polygon(
        [(cx - radius // 2, cy), (cx - radius, cy + radius * 2), (cx - radius // 3, cy + radius * 1.6)],
        fill=tint(colour, 0.2),
    )
    draw.polygon(
        [(cx + radius // 2, cy), (cx + radius, cy + radius * 2), (cx + radius // 3, cy + radius * 1.6)],
        fill=tint(colour, 0.2),
    )
    draw.ellipse(
        [cx - radius, cy - radius, cx + radius, cy + radius],
        fill=(225, 180, 50),
        outline=(170, 120, 20),
        width=max(2, radius // 10),
    )
    draw.ellipse(
        [cx - radius * 0.7, cy - radius * 0.7, cx + radius * 0.7, cy + radius * 0.7],
        outline=(250, 220, 120),
        width=max(1, radius // 15),
    )


def band(page: Page, colour: tuple[int, int, int], width_share: float, rng: random.Random) -> int:
    """A vertical coloured band on the left with light circles; returns its right edge."""
    draw = page.draw
    w, h = page.image.size
    bw = int(w * width_share)
    draw.rectangle([0, 0, bw, h], fill=colour)
    for _ in range(7):
        r = rng.randint(bw // 4, bw)
        x, y = rng.randint(0, bw), rng.randint(0, h)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=tint(colour, 0.35), width=page.px(2))
    draw.rectangle([bw, 0, bw + page.px(4), h], fill=tint(colour, 0.5))
    return bw + page.px(4)


def qr(page: Page, corner: tuple[int, int], size: int, rng: random.Random) -> None:
    """A QR-like square: born-digital and online certificates carry one to verify them."""
    draw = page.draw
    x0, y0 = corner
    cells = 25
    c = max(1, size // cells)
    for i in range(cells):
        for j in range(cells):
            finder = (i < 7 and j < 7) or (i < 7 and j >= cells - 7) or (i >= cells - 7 and j < 7)
            if finder:
                on = (
                    i in (0, 6, cells - 7, cells - 1)
                    or j in (0, 6, cells - 7, cells - 1)
                    or (2 <= i % (cells - 7) <= 4 and 2 <= j % (cells - 7) <= 4)
                )
            else:
                on = rng.random() < 0.45
            if on:
                draw.rectangle([x0 + j * c, y0 + i * c, x0 + (j + 1) * c - 1, y0 + (i + 1) * c - 1], fill=(10, 10, 10))
