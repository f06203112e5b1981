"""The corpus generator against itself (issue 3): determinism, truth ⇔ defects, truth ⇔ printed text, shares,
families, Kazakh glyphs, and that Tesseract reads a clean page and cannot read an "unreadable" one.
"""

from __future__ import annotations

import io
import random
from collections import Counter
from functools import cache

import pikepdf
import pytesseract
import pytest
from PIL import Image, ImageChops, ImageDraw

from tests.corpus import dates
from tests.corpus.expected import DEFECT_FLAGS
from tests.corpus.families import FAMILIES, FONTS, HOLDOUT, selected
from tests.corpus.generate import build
from tests.corpus.layouts import render_page
from tests.corpus.portfolio import Portfolio, plan
from tests.corpus.scan import severe
from tests.corpus.wordings import WORDINGS

KAZAKH = "ӘҒҚҢӨҰҮҺІәғқңөұүһі"


@cache
def _plans(seed: int = 4242, n: int = 60) -> list[Portfolio]:
    rng = random.Random(seed)
    used: set[str] = set()
    return [plan(rng, f"T{i:02d}", selected("all"), used) for i in range(n)]


@cache
def _small_batch() -> tuple[dict, list[dict]]:
    return build(31, 5, selected("all"), workers=2, max_docs=7)


def _items():
    return [it for p in _plans() for it in p.items]


def test_same_seed_gives_the_same_bytes_and_truth() -> None:
    first = build(5, 2, selected("all"), workers=1, max_docs=4)
    second = build(5, 2, selected("all"), workers=2, max_docs=4)
    assert first[1] == second[1]
    assert first[0] == second[0]


def test_every_expected_flag_comes_from_an_applied_defect_and_back() -> None:
    _, truth = _small_batch()
    for t in truth:
        expected = set(t["expected_flags"]) - {"level_below_claimed"}
        if t["defect"] == "reused_scan":
            assert "duplicate" in expected
            assert expected - {"duplicate", "name_mismatch", "outside_period"} == set(), t
            continue
        if t.get("copied_to"):
            expected.discard("duplicate")
        if t["defect"] is None:
            assert expected == set(), t
            continue
        if t["defect"] == "outside_period":
            assert expected == {"outside_period"}, t
            continue
        expected.discard("outside_period")  # the content defects keep the doc in the period; file ones copy it
        assert expected == DEFECT_FLAGS[t["defect"]], t
        assert not set(t["must_not_flag"]) & set(t["expected_flags"])


def test_planned_defects_raise_their_flags_everywhere() -> None:
    for item in _items():
        if item.defect == "outside_period":
            issued = item.doc.truth["issued_on"]
            assert issued  # dated outside: checked against the manifest in test above
        if item.defect in ("unlisted_event", "commercial_event"):
            assert item.doc.truth["approved_list_id"] is None
        if item.defect == "no_stamp":
            assert not item.doc.stamped and item.doc.signed
        if item.defect == "no_signature":
            assert item.doc.signed is False and item.doc.stamped


def test_printed_date_parses_to_issued_on_and_is_on_the_page() -> None:
    for item in _items():
        doc = item.doc
        assert doc.date_text, doc.wording
        assert dates.parse(doc.date_text) is not None, doc.date_text
        assert dates.parse(doc.date_text).isoformat() == doc.truth["issued_on"], (doc.wording, doc.date_text)
        assert doc.date_text in doc.text(), doc.wording


def _stem(word: str) -> str:
    return word[: max(3, len(word) - 2)]


def test_names_and_hours_in_the_truth_are_printed() -> None:
    for item in _items():
        doc, text = item.doc, item.doc.text()
        for field in ("person_name", "supervisor_name"):
            name = doc.truth[field]
            if name:
                surname, given = name.split()[:2]
                assert _stem(surname) in text, (doc.wording, field, name)
                assert given[0] in text
        if doc.truth["hours"]:
            assert str(doc.truth["hours"]) in text, doc.wording


def test_shares_of_defects_languages_and_born_digital() -> None:
    items = _items()
    copies = len(_plans()) // 4  # reused scans added across portfolios when the batch is written
    defect_share = (sum(1 for it in items if it.defect) + copies) / (len(items) + copies)
    kk = sum(1 for it in items if it.doc.language == "kk") / len(items)
    digital = sum(1 for it in items if it.fmt == "digital") / len(items)
    assert 0.2 <= defect_share <= 0.31, defect_share
    assert 0.33 <= kk <= 0.47, kk
    assert 0.1 <= digital <= 0.22, digital
    sizes = [len(p.items) for p in _plans()]
    assert min(sizes) >= 3 and max(sizes) >= 10, sizes
    assert {p.manifest["position"] for p in _plans()} == {"teacher", "methodist", "deputy_head", "head"}


def test_families_hold_a_third_out_and_cover_every_kind() -> None:
    assert 0.25 <= len(HOLDOUT) / len(FAMILIES) <= 0.4
    by_kind = Counter(w.kind for w in WORDINGS)
    assert min(by_kind.values()) >= 5, by_kind
    for kind in by_kind:
        families = {w.family for w in WORDINGS if w.kind == kind}
        assert families & HOLDOUT and families - HOLDOUT, kind
    seen_layouts = {lay for f in FAMILIES.values() if f.name not in HOLDOUT for lay in f.layouts}
    held_layouts = {lay for f in FAMILIES.values() if f.name in HOLDOUT for lay in f.layouts}
    assert not seen_layouts & held_layouts
    rng = random.Random(2)
    held = plan(rng, "H", selected("holdout"), set())
    assert held.items and all(it.doc.family in HOLDOUT for it in held.items)


def test_files_and_truth_agree() -> None:
    batch, truth = _small_batch()
    listed = {(t["portfolio_id"], t["source"]) for t in truth}
    files = {(pid, name) for pid, names in batch.items() for name in names if name != "portfolio.json"}
    assert listed == files
    for (pid, name), lines in Counter((t["portfolio_id"], t["source"]) for t in truth).items():
        data = batch[pid][name]
        if (
            name.endswith(".pdf")
            and data.startswith(b"%PDF")
            and not any(
                t["defect"] in ("truncated_pdf", "encrypted_pdf")
                for t in truth
                if t["source"] == name and t["portfolio_id"] == pid
            )
        ):
            with pikepdf.open(io.BytesIO(data)) as pdf:
                assert len(pdf.pages) == lines


def test_every_font_draws_kazakh_letters() -> None:
    from tests.corpus.layouts.canvas import font

    for key in FONTS:
        for weight in ("regular", "bold", "italic"):
            face = font(key, weight, 40)
            missing = _glyph(face, "\ue000")  # a private-use code point: the font's "no glyph" box
            for letter in KAZAKH:
                assert ImageChops.difference(_glyph(face, letter), missing).getbbox(), (key, weight, letter)


def _glyph(face, ch: str) -> Image.Image:
    im = Image.new("L", (60, 60), 0)
    ImageDraw.Draw(im).text((5, 5), ch, font=face, fill=255)
    return im


def _ocr(image: Image.Image) -> tuple[str, list[str]]:
    data = pytesseract.image_to_data(image, lang="rus+kaz", output_type=pytesseract.Output.DICT)
    words = [w for w, c in zip(data["text"], data["conf"], strict=True) if w.strip() and float(c) >= 50 and len(w) >= 3]
    return " ".join(data["text"]), words


def _first(kind: str, language: str):
    return next(it for it in _items() if it.doc.kind == kind and it.doc.language == language and not it.defect)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "language", "title"), [("diploma", "ru", "ДИПЛОМ"), ("course", "kk", None), ("order", "ru", None)]
)
def test_tesseract_reads_a_clean_page(kind: str, language: str, title: str | None) -> None:
    item = _first(kind, language)
    page = render_page(item.doc, random.Random(item.doc.seed), 200).image
    text, _ = _ocr(page)
    folded = text.upper()
    expected_title = title or next(b.text for b in item.doc.blocks if b.role == "title").split()[0]
    assert expected_title.upper() in folded, (item.doc.wording, text[:300])
    surname = (item.doc.truth["person_name"] or "").split()[0]
    assert _stem(surname).upper() in folded, (item.doc.wording, surname, text[:300])


@pytest.mark.slow
def test_tesseract_cannot_read_an_unreadable_scan() -> None:
    item = _first("course", "ru")
    rng = random.Random(item.doc.seed)
    page = severe(render_page(item.doc, rng, 200).image, rng)
    _, words = _ocr(page)
    assert len(words) <= 2, words


@pytest.mark.slow
def test_a_poor_scan_is_read_with_low_confidence() -> None:
    """The poor_scan defect's truth expects low_ocr_confidence: the pipeline must mostly agree on its pages."""
    from datetime import date

    from pipeline.config import Settings
    from pipeline.screen_file import screen_file
    from tests.corpus import pack
    from tests.corpus.scan import encode_jpeg, poor_scan

    flagged = 0
    items = [it for it in _items() if not it.defect and it.doc.kind in ("course", "protocol", "gratitude")][:3]
    for item in items:
        rng = random.Random(item.doc.seed)
        page = poor_scan(render_page(item.doc, rng, 200).image, rng)
        pdf = pack.pdf_from_jpegs([encode_jpeg(page, 85, 200)], [200], pack.SCANNERS[0], date(2024, 1, 1))
        record = screen_file("P", "poor.pdf", pdf, None, Settings(workers=1, cache=False)).records[0]
        flagged += bool({f.value for f in record.flags} & {"low_ocr_confidence", "unreadable"})
    assert flagged >= 2, flagged
