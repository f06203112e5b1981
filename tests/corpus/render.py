"""Rendering and scanning one document page (the API other tests use): render() → PIL page, scan() → scanned page.

The corpus generator itself goes through tests/corpus/files.py; these wrappers keep the older two-call interface.
"""

from __future__ import annotations

import random

from PIL import Image

from tests.corpus.families import FONTS as FAMILY_FONTS
from tests.corpus.layouts import render_page
from tests.corpus.model import Doc
from tests.corpus.pack import DPI
from tests.corpus.scan import flatbed
from tests.corpus.scan import severe as _severe

# Every font file the corpus draws with (tests/classifiers/test_corpus_fonts.py checks they cover Kazakh letters).
FONTS = sorted({path for f in FAMILY_FONTS.values() for path in (f.regular, f.italic)})
BOLD = FAMILY_FONTS["dejavu_sans"].bold
BOLDS = sorted({f.bold for f in FAMILY_FONTS.values()})


def render(doc: Doc, rng: random.Random, stamp: bool = True) -> Image.Image:
    doc.stamped = stamp and doc.stamped
    return render_page(doc, rng, DPI).image


def scan(page: Image.Image, rng: random.Random, severe: bool = False) -> Image.Image:
    return _severe(page, rng) if severe else flatbed(page, rng)
