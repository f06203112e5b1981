"""Reading one scanned page: prepare it, OCR it upright, recover what the layout skipped, re-read its digits.

The page OCR cache (pipeline.ocr_cache) keeps what Tesseract found, keyed by the page's pixels: a hit replays it,
and only the pixel-level repairs of place numerals run again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import cv2
import numpy as np

from extractors.coverage import recover_unread
from extractors.digits import DIGIT_LANGUAGE, reread_digits
from extractors.enlarge import reread_poor_lines
from extractors.latin import LATIN_LANGUAGE, reread_latin
from extractors.numerals import repair_numerals, text_from_words
from extractors.preprocess import Prepared, detect_orientation, prepare
from extractors.tesseract import OCR_PSM, OcrError, OcrResult, mean_confidence, ocr
from models import Flag, Page, TextSource, Word
from pipeline.config import Settings
from pipeline.ocr_cache import OcrEntry, lookup, page_key, store

# A page read this well is upright: Tesseract's orientation detection (as costly as reading the page) is asked
# only for pages read worse. Clean scans read at 84–96, unreadable ones at 26–34 (data/checks/thresholds.yaml).
UPRIGHT_CONFIDENCE = 70.0
UPRIGHT_WORDS = 5


def _long_words(result: OcrResult) -> list[Word]:
    return [w for w in result.words if sum(ch.isalpha() for ch in w.text) >= 3]


def _across(word: Word) -> bool:
    """Read along a row: a box at least as wide as tall."""
    return word.width >= word.height


# Words in boxes taller than wide are a sideways page read down its lines, which Tesseract does too (below). Such a
# reading is kept only when clearly better than any along rows: a rendered diploma read at 95 both ways must end
# upright, a photographed order read at 82 down its lines and at 43 along them (seed 915 P915-29) keeps the 82.
VERTICAL_WEIGHT = 0.8


def _evidence(result: OcrResult) -> float:
    """How much a reading says: the confidence summed over its words of three letters or more. A page read the
    wrong way up gives few such words, however sure of them (a faint course certificate read sideways: 6 words at
    66 against dozens at 35 upright); a mean confidence alone would prefer it."""
    return sum((w.conf or 0) * (1.0 if _across(w) else VERTICAL_WEIGHT) for w in _long_words(result))


def _reads_upright(result: OcrResult) -> bool:
    """Read well, and along rows. Tesseract reads a sideways page's vertical lines too (seed 915 P915-30: 31 of
    31 words in boxes taller than wide, at confidence 73, "Линара Грлановна" for "Динара Ерлановна"; a rendered
    diploma at 95), but the page left sideways puts its seal and signature where the visual checks do not look."""
    long = _long_words(result)
    across = sum(1 for w in long if _across(w))
    return (result.mean_confidence or 0) >= UPRIGHT_CONFIDENCE and len(long) >= UPRIGHT_WORDS and 2 * across > len(long)


def _read_upright(colour: np.ndarray, dpi: int, settings: Settings) -> tuple[Prepared, OcrResult]:
    """Read the page as it lies; only if that reads badly, ask for its orientation and read it turned."""
    started = time.monotonic()
    prepared = prepare(colour, dpi)
    result = ocr(prepared.gray, dpi, settings.ocr_languages, settings.ocr_page_timeout)
    left = settings.ocr_page_timeout - (time.monotonic() - started)  # the time limit is the page's, not each read's
    if _reads_upright(result) or left < 2 * (time.monotonic() - started):
        return prepared, result
    rotation = detect_orientation(prepared.gray, dpi)
    best = prepared, result
    # OSD can take a page for its mirror turn (90° for 270°), or be unsure of it: a turned page that still reads
    # badly is read the other way up too, and a page OSD cannot place is read both ways sideways (fresh corpus seed
    # 915: a sideways scan OSD left as it lay read at confidence 25, turned 90° at 89). The better reading wins; the
    # cost falls on pages that read badly whichever way, one or two readings more. A page OSD cannot place may be
    # upside down, too (seed 915 P915-21: confidence 24 as it lay, 85 turned over): read last, three readings more.
    for turn in (90, 270, 180) if rotation is None else (rotation, (rotation + 180) % 360):
        if turn == 0:
            break  # the page as it lies was read first
        turned = prepare(colour, dpi, turn)
        try:
            left = settings.ocr_page_timeout - (time.monotonic() - started)
            read = ocr(turned.gray, dpi, settings.ocr_languages, left)
        except OcrError:
            break
        if _evidence(read) > _evidence(best[1]):
            best = turned, read
        if _reads_upright(read):
            break
    return best


def _words(crop: np.ndarray, dpi: int, languages: str, psm: int, settings: Settings) -> list[Word]:
    """The words of a crop read again (a failed second reading leaves the first one standing)."""
    try:
        return ocr(crop, dpi, languages, settings.ocr_page_timeout, psm=psm).words
    except OcrError:
        return []


def _block_reader(dpi: int, settings: Settings) -> Callable[[np.ndarray], list[Word]]:
    """Reads a crop as one block of text (extractors/coverage.py: lines the page layout skipped)."""
    return lambda crop: _words(crop, dpi, settings.ocr_languages, 6, settings)


def _line_reader(settings: Settings) -> Callable[[np.ndarray, int], list[Word]]:
    """Reads an enlarged crop as one line of text (extractors/enlarge.py: small print)."""
    return lambda crop, dpi: _words(crop, dpi, settings.ocr_languages, 7, settings)


def _latin_reader(dpi: int, settings: Settings) -> Callable[[np.ndarray], list[Word]]:
    """Reads a word's crop with the English model alone (extractors/latin.py: Latin brand names)."""
    return lambda crop: _words(crop, dpi, LATIN_LANGUAGE, 7, settings)


def _digit_reader(dpi: int, settings: Settings) -> Callable[[np.ndarray], list[tuple[int, str]]]:
    """Reads a sheet of stacked number crops with the Russian model alone (extractors/digits.py)."""

    def read(sheet: np.ndarray) -> list[tuple[int, str]]:
        lines: dict[int, list[Word]] = {}
        for word in _words(sheet, dpi, DIGIT_LANGUAGE, 6, settings):
            lines.setdefault(word.line, []).append(word)
        return [(int(min(w.top for w in ws)), "".join(w.text for w in ws)) for ws in lines.values()]

    return read


def ocr_page(number: int, colour: np.ndarray, dpi: int, settings: Settings) -> Page:
    if dpi > settings.dpi * 1.1:  # photos and 300–600 dpi scans: OCR at the working resolution
        scale = settings.dpi / dpi
        colour = cv2.resize(colour, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        dpi = settings.dpi
    # The page OCR cache (pipeline.ocr_cache) sits beside the file results of a run's cache.
    cache_url = settings.cache_dir if settings.cache else None
    key = page_key(colour, dpi, settings.ocr_languages, OCR_PSM) if cache_url else None
    hit = lookup(cache_url, key) if cache_url and key else None
    if hit is not None:
        prepared = prepare(colour, dpi, hit.rotation, hit.skew)
        result = OcrResult(words=hit.words, text=hit.text, mean_confidence=hit.mean_confidence)
    else:
        try:
            prepared, result = _read_upright(colour, dpi, settings)
        except OcrError as exc:
            image = colour if settings.keep_page_images else None  # still hashed for duplicates
            return Page(
                number=number, text_source=TextSource.ocr, dpi=dpi, image=image, error=str(exc), flags=[Flag.unreadable]
            )
        recovered = recover_unread(prepared.gray, result.words, dpi, _block_reader(dpi, settings))
        if recovered is not None:
            result.words, result.text = recovered, text_from_words(recovered)
        reread = reread_poor_lines(result.words, prepared.gray, dpi, _line_reader(settings))
        reread |= reread_latin(result.words, prepared.gray, _latin_reader(dpi, settings))
        if reread:
            result.text, result.mean_confidence = text_from_words(result.words), mean_confidence(result.words)
        if "kaz" in settings.ocr_languages and reread_digits(result.words, prepared.gray, _digit_reader(dpi, settings)):
            result.text = text_from_words(result.words)
        if cache_url and key:  # stored before repair_numerals changes the words: that is redone from pixels
            entry = OcrEntry(
                key=key,
                rotation=prepared.rotation,
                skew=prepared.measured_skew,
                text=result.text,
                words=[w.model_copy() for w in result.words],
                mean_confidence=result.mean_confidence,
            )
            store(cache_url, entry)
    page = Page(
        number=number,
        text_source=TextSource.ocr,
        language=settings.ocr_languages,
        dpi=dpi,
        width=prepared.colour.shape[1],
        height=prepared.colour.shape[0],
        rotation=prepared.rotation,
        skew=prepared.skew,
        image=prepared.colour if settings.keep_page_images else None,
    )
    page.text, page.words, page.ocr_confidence = result.text, result.words, result.mean_confidence
    if repair_numerals(page.words, prepared.gray, dpi):
        page.text = text_from_words(page.words)
    return page
