"""A page and a flow of text blocks on it: wrapping, alignment, per-role styles, and the boxes the defects need.

Sizes are in points and drawn at the page's dpi, so a 150 dpi scan and a 200 dpi scan of one template agree.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from tests.corpus.families import FONTS
from tests.corpus.model import Block, Doc

A4_IN = (8.27, 11.69)


@dataclass
class Style:
    pt: float
    weight: str = "regular"  # regular | bold | italic
    align: str = "center"  # center | left | justify
    colour: tuple[int, int, int] = (20, 20, 20)
    font: str | None = None  # font family key; None: the page's body font
    upper: bool = False
    gap: float = 0.45  # space after, in line heights


@dataclass
class Page:
    image: Image.Image
    dpi: int
    body_font: str
    name_box: tuple[int, int, int, int] | None = None
    sign_spots: list[tuple[int, int]] = field(default_factory=list)  # where a pen signs (end of the underline)
    text_bottom: int = 0

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.image)

    def px(self, pt: float) -> int:
        return int(pt * self.dpi / 72)


@cache
def font(key: str, weight: str, px: int) -> ImageFont.FreeTypeFont:
    f = FONTS[key]
    return ImageFont.truetype({"regular": f.regular, "bold": f.bold, "italic": f.italic}[weight], max(6, px))


def new_page(
    rng: random.Random, dpi: int, landscape: bool, body_font: str, paper: tuple[int, int, int] | None = None
) -> Page:
    w, h = int(A4_IN[0] * dpi), int(A4_IN[1] * dpi)
    size = (h, w) if landscape else (w, h)
    tone = paper or (rng.randint(248, 255), rng.randint(246, 253), rng.randint(238, 250))
    return Page(Image.new("RGB", size, tone), dpi, body_font)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}".strip() if word else current + " "
        if draw.textlength(trial, font=face) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def flow(page: Page, doc: Doc, styles: dict[str, Style], box: tuple[int, int, int, int], rng: random.Random) -> int:
    """Draw the blocks top-down inside box (x0, y0, x1, y1); signatory lines are drawn by sign_block. Returns y."""
    x0, y, x1, y1 = box
    draw = page.draw
    for block in doc.blocks:
        if block.role == "sign" or (not block.text and not block.rows):
            continue
        style = styles.get(block.role) or styles["text"]
        if block.rows:
            y = table(page, block, style, (x0, y, x1), rng)
            continue
        text = block.text.upper() if style.upper else block.text
        size = page.px(style.pt * block.scale)
        face = font(style.font or page.body_font, style.weight, size)
        while size > 8 and draw.textlength(max(text.split(" "), key=len), font=face) > x1 - x0:
            size -= 2
            face = font(style.font or page.body_font, style.weight, size)
        lines = wrap(draw, text, face, x1 - x0)
        top = y
        spans = []
        for line in lines:
            tw = draw.textlength(line, font=face)
            x = x0 if style.align == "left" else (x0 + x1 - tw) / 2
            draw.text((x, y), line, fill=style.colour, font=face)
            spans.append((x, x + tw))
            y += int(size * 1.28)
        if block.role == "name" and doc.name_text and doc.name_text in block.text:
            page.name_box = (int(min(a for a, _ in spans)), top, int(max(b for _, b in spans)), y)
        y += int(size * style.gap)
        if y > y1:
            break
    page.text_bottom = y
    return y


def table(page: Page, block: Block, style: Style, area: tuple[int, int, int], rng: random.Random) -> int:
    """A two-column grid (label | value), as course certificates print their terms and hours."""
    x0, y, x1 = area
    draw = page.draw
    size = page.px(style.pt * 0.9)
    face = font(page.body_font, "regular", size)
    bold = font(page.body_font, "bold", size)
    split = x0 + int((x1 - x0) * 0.38)
    row_h = int(size * 1.9)
    ink = (60, 60, 60)
    assert block.rows
    for label, value in block.rows:
        draw.rectangle([x0, y, x1, y + row_h], outline=ink, width=max(1, page.dpi // 100))
        draw.line([split, y, split, y + row_h], fill=ink, width=max(1, page.dpi // 100))
        draw.text((x0 + size // 2, y + size // 3), label, fill=(20, 20, 20), font=bold)
        draw.text((split + size // 2, y + size // 3), value, fill=(20, 20, 20), font=face)
        y += row_h
    return y + size


def sign_block(page: Page, doc: Doc, style: Style, x0: int, x1: int, y: int) -> int:
    """Signatory lines ("Руководитель ____ Б. Жумабеков"); remembers where each pen line is for the signature."""
    draw = page.draw
    size = page.px(style.pt)
    face = font(style.font or page.body_font, style.weight, size)
    for block in doc.blocks:
        if block.role != "sign":
            continue
        title, _, rest = block.text.partition("____________")
        tw = draw.textlength(title, font=face)
        if tw > (x1 - x0) * 0.55:  # long titles go on two lines, as office documents set them
            words = title.split()
            first = " ".join(words[: len(words) // 2])
            draw.text((x0, y), first, fill=style.colour, font=face)
            y += int(size * 1.25)
            title = " ".join(words[len(words) // 2 :])
            tw = draw.textlength(title, font=face)
        draw.text((x0, y), title, fill=style.colour, font=face)
        line_x0 = x0 + int(tw) + size
        line_x1 = line_x0 + page.px(110)
        draw.line(
            [line_x0, y + int(size * 1.05), line_x1, y + int(size * 1.05)],
            fill=style.colour,
            width=max(1, page.dpi // 120),
        )
        if rest.strip():
            draw.text(
                (min(line_x1 + size, x1 - draw.textlength(rest.strip(), font=face)), y),
                rest.strip(),
                fill=style.colour,
                font=face,
            )
        page.sign_spots.append((line_x0, y + int(size * 0.9)))
        y += int(size * 2.4)
    return y


def sign_height(page: Page, doc: Doc, style: Style) -> int:
    n = sum(1 for b in doc.blocks if b.role == "sign")
    return int(page.px(style.pt) * 2.6 * n) + page.px(20)
