"""Page layouts (template looks): each draws a Doc's blocks in its own geometry, fonts and decoration.

Seen families use classic_frame, landscape_band, letterhead, office, course_table, ribbon; the held-out families
(families.HOLDOUT) use guilloche_landscape, bilingual_office, modern_portrait, which nothing else uses.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from tests.corpus.families import FAMILIES, Family
from tests.corpus.layouts.canvas import Page, Style, flow, new_page, sign_block
from tests.corpus.layouts.decor import (
    band,
    corner_ribbons,
    emblem,
    frame,
    guilloche,
    medal,
    qr,
    school_logo,
    tint,
    watermark,
)
from tests.corpus.layouts.marks import rect_stamp, sign_and_seal
from tests.corpus.model import Block, Doc

Layout = Callable[[Doc, Family, random.Random, int], Page]


def _styles(
    rng: random.Random, colour: tuple[int, int, int], title_font: str | None = None, name_weight: str = "bold"
) -> dict[str, Style]:
    return {
        "header": Style(
            rng.uniform(11, 13.5), rng.choice(["regular", "bold"]), colour=(35, 35, 35), upper=rng.random() < 0.4
        ),
        "title": Style(rng.uniform(42, 56), "bold", colour=colour, font=title_font, gap=0.2),
        "subtitle": Style(rng.uniform(20, 26), "bold", colour=colour),
        "name": Style(
            rng.uniform(22, 30), name_weight, colour=(15, 15, 15) if rng.random() < 0.7 else tint(colour, 0.0)
        ),
        "text": Style(rng.uniform(13, 15.5)),
        "item": Style(13, align="left"),
        "meta": Style(rng.uniform(11, 13)),
        "small": Style(9.5, colour=(70, 70, 70)),
    }


def classic_frame(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, False, rng.choice(fam.fonts))
    colour = rng.choice(fam.colours)
    w, h = page.image.size
    frame(page, colour, rng)
    emblem(page, (w // 2, page.px(100)), page.px(rng.uniform(30, 40)), rng)
    styles = _styles(rng, colour, name_weight=rng.choice(["bold", "italic"]))
    m = page.px(75)
    y = flow(page, doc, styles, (m, page.px(150), w - m, h - page.px(180)), rng)
    sign_block(page, doc, Style(12.5), m + page.px(10), w - m, max(y + page.px(30), int(h * 0.74)))
    return page


def landscape_band(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, True, rng.choice(fam.fonts))
    colour = rng.choice(fam.colours)
    w, h = page.image.size
    left = band(page, colour, rng.uniform(0.1, 0.16), rng)
    styles = _styles(rng, colour)
    styles["title"].pt = rng.uniform(48, 64)
    m = page.px(45)
    y = flow(page, doc, styles, (left + m, page.px(45), w - m, h - page.px(120)), rng)
    sign_block(page, doc, Style(12), left + m + page.px(20), w - m, max(y + page.px(20), int(h * 0.78)))
    return page


def letterhead(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, False, rng.choice(fam.fonts), paper=(254, 254, 252))
    colour = rng.choice(fam.colours)
    w, h = page.image.size
    m = page.px(rng.uniform(60, 80))
    school_logo(page, (m + page.px(25), page.px(80)), page.px(22), colour)
    draw = page.draw
    header = next((b.text for b in doc.blocks if b.role == "header"), "")
    styles = _styles(rng, colour)
    head = Style(11.5, "bold", "left", colour)
    flow_header = replace(doc, blocks=[b for b in doc.blocks if b.role == "header"], name_text=None)
    flow(page, flow_header, {"header": head, "text": head}, (m + page.px(65), page.px(55), w - m, page.px(140)), rng)
    phone = f"8 (7{rng.randint(100, 299)}) {rng.randint(20, 79)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
    if header:  # the contact line under the issuer, as on every official letterhead
        contact = f"тел./факс: {phone}, e-mail: kense@edu.gov.kz"
        draw.text((m + page.px(65), page.px(118)), contact, fill=(90, 90, 90), font=_font(page, 9))
    draw.line([m, page.px(140), w - m, page.px(140)], fill=colour, width=page.px(1.5))
    styles["title"] = Style(rng.uniform(24, 32), "bold", colour=colour)
    styles["text"] = Style(rng.uniform(12.5, 14), align="left")
    styles["name"] = Style(18, "bold")
    body = replace(doc, blocks=[b for b in doc.blocks if b.role != "header"])
    y = flow(page, body, styles, (m, page.px(175), w - m, h - page.px(150)), rng)
    sign_block(page, doc, Style(12.5), m, w - m, y + page.px(40))
    return page


def office(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, False, rng.choice(fam.fonts), paper=(255, 255, 255))
    w, h = page.image.size
    m = page.px(rng.uniform(55, 75))
    styles = {
        "header": Style(12, "bold", upper=True, gap=0.2),
        "title": Style(18, "bold", gap=0.6),
        "subtitle": Style(13, "bold", "left", gap=0.6),
        "meta": Style(12, align="left", gap=0.8),
        "text": Style(13, align="left"),
        "item": Style(13, align="left"),
        "name": Style(13, "bold", "left"),
        "small": Style(11, align="left"),
    }
    y = flow(page, doc, styles, (m, page.px(60), w - m, h - page.px(120)), rng)
    page.draw.line([m, page.px(100), w - m, page.px(100)], fill=(20, 20, 20), width=max(1, page.px(0.8)))
    sign_block(page, doc, Style(13, "bold"), m, w - m, y + page.px(35))
    if doc.stamped and rng.random() < 0.35:  # registration stamp of the office, top right
        rect_stamp(
            page,
            (w - m - page.px(150), page.px(110)),
            ["ТІРКЕЛДІ / ЗАРЕГИСТРИРОВАНО", f"№ {rng.randint(100, 999)}"],
            rng,
        )
    return page


def course_table(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, rng.random() < 0.3, rng.choice(fam.fonts), paper=(255, 255, 253))
    colour = rng.choice(fam.colours)
    w, h = page.image.size
    page.draw.rectangle([0, 0, w, page.px(28)], fill=colour)
    page.draw.rectangle([0, h - page.px(18), w, h], fill=tint(colour, 0.3))
    styles = _styles(rng, colour)
    styles["title"].pt = rng.uniform(36, 46)
    m = page.px(60)
    y = flow(page, doc, styles, (m, page.px(55), w - m, h - page.px(110)), rng)
    sign_block(page, doc, Style(12), m, w - m, y + page.px(25))
    if rng.random() < 0.5:
        qr(page, (w - m - page.px(70), h - page.px(100)), page.px(60), rng)
    return page


def ribbon(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, False, rng.choice(fam.fonts), paper=(255, 253, 248))
    w, h = page.image.size
    corner_ribbons(page, fam.colours, rng)
    colour = rng.choice(fam.colours)
    medal(page, (w // 2, page.px(115)), page.px(28), colour)
    styles = _styles(rng, colour, title_font="comfortaa")
    styles["title"].pt = rng.uniform(50, 62)
    m = page.px(70)
    y = flow(page, doc, styles, (m, page.px(185), w - m, h - page.px(150)), rng)
    sign_block(page, doc, Style(12), m, w - m, max(y + page.px(25), int(h * 0.8)))
    return page


# Held-out layouts.


def guilloche_landscape(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, True, rng.choice(fam.fonts), paper=(253, 251, 245))
    colour = rng.choice(fam.colours)
    w, h = page.image.size
    guilloche(page, colour, rng)
    watermark(page, "ҚАЗАҚСТАН", colour, rng)
    m = page.px(22)
    page.draw.rectangle([m, m, w - m, h - m], outline=colour, width=page.px(7))
    styles = _styles(rng, colour, title_font="noto_display")
    styles["name"] = Style(rng.uniform(28, 34), "italic", font="noto_display", colour=tint(colour, 0.0))
    styles["header"].upper = True
    y = flow(page, doc, styles, (page.px(90), page.px(55), w - page.px(90), h - page.px(110)), rng)
    sign_block(page, doc, Style(12), page.px(110), w - page.px(90), max(y + page.px(15), int(h * 0.76)))
    return page


def bilingual_office(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    """Kazakh state letterhead: Kazakh name left, Russian right, emblem between, a double rule under them."""
    page = new_page(rng, dpi, False, rng.choice(fam.fonts), paper=(255, 255, 255))
    w, h = page.image.size
    m = page.px(55)
    issuer = next((b.text for b in doc.blocks if b.role == "header"), "")
    other = doc.issuer_other or issuer
    left, right = (issuer, other) if doc.language == "kk" else (other, issuer)
    head = Style(10.5, "bold", colour=(20, 60, 140), upper=True, gap=0.1)
    for text, (x0, x1) in ((left, (m, w // 2 - page.px(60))), (right, (w // 2 + page.px(60), w - m))):
        part = replace(doc, blocks=[Block(text, "header")], name_text=None)
        flow(page, part, {"header": head, "text": head}, (x0, page.px(45), x1, page.px(130)), rng)
    emblem(page, (w // 2, page.px(75)), page.px(30), rng)
    page.draw.line([m, page.px(135), w - m, page.px(135)], fill=(20, 60, 140), width=page.px(2))
    page.draw.line([m, page.px(140), w - m, page.px(140)], fill=(20, 60, 140), width=max(1, page.px(0.6)))
    styles = {
        "title": Style(17, "bold", gap=0.5),
        "subtitle": Style(12.5, "bold", "left", gap=0.6),
        "meta": Style(12, align="left", gap=0.8),
        "text": Style(13, align="left"),
        "item": Style(13, align="left"),
        "name": Style(14, "bold", "left"),
        "small": Style(10, "italic", "left"),
    }
    body = replace(doc, blocks=[b for b in doc.blocks if b.role != "header"])
    y = flow(page, body, styles, (m, page.px(165), w - m, h - page.px(120)), rng)
    sign_block(page, doc, Style(12.5, "bold"), m, w - m, y + page.px(35))
    return page


def modern_portrait(doc: Doc, fam: Family, rng: random.Random, dpi: int) -> Page:
    page = new_page(rng, dpi, False, rng.choice(fam.fonts), paper=(255, 255, 255))
    colour = rng.choice(fam.colours)
    w, h = page.image.size
    page.draw.rectangle([0, 0, page.px(38), h], fill=colour)
    page.draw.rectangle([page.px(38), 0, page.px(46), h], fill=tint(colour, 0.5))
    styles = _styles(rng, colour)
    for role in ("title", "subtitle", "name", "text", "meta", "header", "small"):
        styles[role].align = "left"
    styles["title"].pt = rng.uniform(54, 66)
    m = page.px(80)
    y = flow(page, doc, styles, (m, page.px(70), w - page.px(50), h - page.px(150)), rng)
    sign_block(page, doc, Style(12), m, w - page.px(60), max(y + page.px(25), int(h * 0.78)))
    qr(page, (w - page.px(130), h - page.px(130)), page.px(80), rng)
    return page


def _font(page: Page, pt: float):
    from tests.corpus.layouts.canvas import font

    return font(page.body_font, "regular", page.px(pt))


LAYOUTS: dict[str, Layout] = {
    "classic_frame": classic_frame,
    "landscape_band": landscape_band,
    "letterhead": letterhead,
    "office": office,
    "course_table": course_table,
    "ribbon": ribbon,
    "guilloche_landscape": guilloche_landscape,
    "bilingual_office": bilingual_office,
    "modern_portrait": modern_portrait,
}


def render_page(doc: Doc, rng: random.Random, dpi: int = 200) -> Page:
    """The printed page of a document in its family's look, signed and sealed unless a defect says otherwise."""
    fam = FAMILIES[doc.family]
    page = LAYOUTS[rng.choice(fam.layouts)](doc, fam, rng, dpi)
    sign_and_seal(page, doc.stamp_rim, rng, doc.stamped, doc.signed)
    return page
