"""Template families: a family is a "house" — its wordings, layouts, fonts and colours — as one issuer's print shop
would produce. About a third are held out (HOLDOUT): `make eval` reports them apart, so the lead can measure how the
rules generalise to templates they were never debugged on. Keep the holdout list here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT_DIR = "/usr/share/fonts/truetype"


@dataclass(frozen=True)
class Font:
    regular: str
    bold: str
    italic: str


# Every file covers the Kazakh letters ӘҒҚҢӨҰҮҺІ (tests/classifiers/test_corpus_fonts.py checks with fc-query);
# Liberation does not (it printed empty boxes), so it is not here. Debian packages: .ci/setup.
FONTS = {
    "dejavu_serif": Font(
        f"{FONT_DIR}/dejavu/DejaVuSerif.ttf",
        f"{FONT_DIR}/dejavu/DejaVuSerif-Bold.ttf",
        f"{FONT_DIR}/dejavu/DejaVuSerif-Italic.ttf",
    ),
    "dejavu_sans": Font(
        f"{FONT_DIR}/dejavu/DejaVuSans.ttf",
        f"{FONT_DIR}/dejavu/DejaVuSans-Bold.ttf",
        f"{FONT_DIR}/dejavu/DejaVuSans-Oblique.ttf",
    ),
    "noto_serif": Font(
        f"{FONT_DIR}/noto/NotoSerif-Regular.ttf",
        f"{FONT_DIR}/noto/NotoSerif-Bold.ttf",
        f"{FONT_DIR}/noto/NotoSerif-Italic.ttf",
    ),
    "noto_sans": Font(
        f"{FONT_DIR}/noto/NotoSans-Regular.ttf",
        f"{FONT_DIR}/noto/NotoSans-Bold.ttf",
        f"{FONT_DIR}/noto/NotoSans-Italic.ttf",
    ),
    "free_serif": Font(
        f"{FONT_DIR}/freefont/FreeSerif.ttf",
        f"{FONT_DIR}/freefont/FreeSerifBold.ttf",
        f"{FONT_DIR}/freefont/FreeSerifItalic.ttf",
    ),
    "free_sans": Font(
        f"{FONT_DIR}/freefont/FreeSans.ttf",
        f"{FONT_DIR}/freefont/FreeSansBold.ttf",
        f"{FONT_DIR}/freefont/FreeSansOblique.ttf",
    ),
    "pt_serif": Font(
        f"{FONT_DIR}/paratype/PTF55F.ttf", f"{FONT_DIR}/paratype/PTF75F.ttf", f"{FONT_DIR}/paratype/PTF76F.ttf"
    ),
    "pt_sans": Font(
        f"{FONT_DIR}/paratype/PTS55F.ttf", f"{FONT_DIR}/paratype/PTS75F.ttf", f"{FONT_DIR}/paratype/PTS56F.ttf"
    ),
    "open_sans": Font(
        f"{FONT_DIR}/open-sans/OpenSans-Regular.ttf",
        f"{FONT_DIR}/open-sans/OpenSans-Bold.ttf",
        f"{FONT_DIR}/open-sans/OpenSans-Italic.ttf",
    ),
    "roboto": Font(
        f"{FONT_DIR}/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
        f"{FONT_DIR}/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
        f"{FONT_DIR}/roboto/unhinted/RobotoTTF/Roboto-Italic.ttf",
    ),
    "carlito": Font(
        f"{FONT_DIR}/crosextra/Carlito-Regular.ttf",
        f"{FONT_DIR}/crosextra/Carlito-Bold.ttf",
        f"{FONT_DIR}/crosextra/Carlito-Italic.ttf",
    ),
    "comfortaa": Font(
        f"{FONT_DIR}/comfortaa/Comfortaa-Regular.ttf",
        f"{FONT_DIR}/comfortaa/Comfortaa-Bold.ttf",
        f"{FONT_DIR}/comfortaa/Comfortaa-Regular.ttf",
    ),
    "libertine": Font(
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf",
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_RB.otf",
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_RI.otf",
    ),
    "noto_display": Font(
        f"{FONT_DIR}/noto/NotoSerifDisplay-Regular.ttf",
        f"{FONT_DIR}/noto/NotoSerifDisplay-Bold.ttf",
        f"{FONT_DIR}/noto/NotoSerifDisplay-BoldItalic.ttf",
    ),
}


@dataclass(frozen=True)
class Family:
    name: str
    layouts: tuple[str, ...]
    fonts: tuple[str, ...]
    colours: tuple[tuple[int, int, int], ...]  # title / frame colours
    born_digital: float  # share printed straight to PDF rather than scanned
    online: bool = False  # paid online contests (commercial organisers)


FAMILIES = {
    f.name: f
    for f in [
        Family(
            "oblast_classic",
            ("classic_frame",),
            ("dejavu_serif", "pt_serif", "noto_serif"),
            ((150, 110, 30), (30, 70, 140), (120, 30, 40)),
            0.0,
        ),
        Family(
            "daryn_landscape",
            ("landscape_band",),
            ("noto_sans", "roboto", "pt_sans"),
            ((20, 90, 170), (0, 120, 130), (170, 60, 20)),
            0.1,
        ),
        Family(
            "school_letterhead",
            ("letterhead",),
            ("free_serif", "dejavu_sans", "carlito"),
            ((30, 30, 30), (20, 60, 120)),
            0.1,
        ),
        Family("gorono_office", ("office",), ("pt_serif", "free_serif", "carlito"), ((0, 0, 0),), 0.3),
        Family(
            "orleu_course",
            ("course_table",),
            ("pt_sans", "open_sans", "noto_sans"),
            ((0, 100, 160), (140, 30, 60)),
            0.35,
        ),
        Family(
            "online_ribbon",
            ("ribbon",),
            ("comfortaa", "open_sans", "roboto"),
            ((210, 60, 120), (230, 120, 0), (40, 150, 60)),
            0.5,
            online=True,
        ),
        # Held out (HOLDOUT below): layouts, wordings and font mixes used nowhere else.
        Family(
            "nis_guilloche",
            ("guilloche_landscape",),
            ("libertine", "noto_display", "pt_serif"),
            ((10, 70, 120), (90, 40, 120)),
            0.2,
        ),
        Family(
            "bilingual_official", ("bilingual_office",), ("noto_serif", "dejavu_serif", "pt_sans"), ((0, 0, 0),), 0.3
        ),
        Family(
            "online_modern",
            ("modern_portrait",),
            ("noto_sans", "comfortaa", "free_sans"),
            ((120, 40, 200), (0, 140, 200)),
            0.5,
            online=True,
        ),
    ]
}
HOLDOUT = frozenset({"nis_guilloche", "bilingual_official", "online_modern"})


def selected(names: str | None) -> list[str]:
    """--families: 'all' (default), 'holdout', 'seen', or a comma-separated list of family names."""
    if not names or names == "all":
        return list(FAMILIES)
    if names == "holdout":
        return [n for n in FAMILIES if n in HOLDOUT]
    if names == "seen":
        return [n for n in FAMILIES if n not in HOLDOUT]
    chosen = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown families: {unknown}; known: {sorted(FAMILIES)}")
    return chosen
