"""Lines Tesseract read poorly are read again at twice the size.

Small print — an order's subject line, a protocol's dated header, 5–7 pt type — has 10–14 px letters at the
200 dpi pages are read at, below what Tesseract's models read well. The same line enlarged reads far better:
the subject line of an order extract on the benchmark corpus (P260-05) went from mean confidence 33
("-0 составе жиры школьного утана респуб лик вис кян о конкурс а …") to 79 ("«О составе жюри школьного этана
республиканского конкурса научных проектов …"), which the approved-list matcher then recognises. The poorest
few lines of a page are tried (≈ 0.15 s each), and tiny print whatever its confidence; a new reading replaces the
old one only when it is clearly surer or reads clearly more, and spells no fewer dictionary words.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from models import Word

POOR_LINE_CONFIDENCE = 75  # a line's mean word confidence below this is read again (clean print reads ≥ 85)
MIN_LETTERS = 12  # shorter lines (a stray word, a signature's scrawl) are not worth it
MAX_LINES = 4  # per page: a page read poorly throughout is a bad scan, not small print
SCALE = 2  # 3× was measured worse than 2× (61 against 79 on the line above): the model's sweet spot is passed
MIN_GAIN = 10  # confidence points the new reading must gain
# Titles and headings are large already: enlarged past the model's sweet spot they read worse ("ВЕПТИСКА ИЗ
# ПРОТОКОЛА" became "ВРЬИТЯСКА МЗ ПРОТОКОПА" at a higher confidence). Only lines whose words are at most this
# much taller than the page's median word are small print.
MAX_HEIGHT_RATIO = 1.2
# Print this much smaller than the page's median word is read again whatever its confidence: Tesseract is sure
# of the few words it reads there and drops the rest ("«Тл қазақ тілінен. алқасының туралы" at 84, 11 px high).
TINY_HEIGHT_RATIO = 0.6

LineReader = Callable[[np.ndarray, int], list[Word]]  # (crop, its dpi) → words of one line


def _mean(words: list[Word]) -> float:
    confs = [w.conf for w in words if w.conf is not None]
    return float(np.mean(confs)) if confs else 0.0


def _letters(words: list[Word]) -> int:
    return sum(ch.isalpha() for w in words for ch in w.text)


def _known(words: list[Word]) -> int:
    """Words the Russian dictionary knows ("ВЫПИСКА", "составе"; not OCR's "ВРЬИТЯСКА")."""
    from classifiers.nlp.persons import morph  # pymorphy3, loaded once per process

    tokens = (t.strip("«»\"'.,:;()!?*<>-—–").lower() for w in words for t in w.text.split())
    return sum(1 for t in tokens if len(t) >= 2 and t.isalpha() and morph().word_is_known(t))


def reread_poor_lines(words: list[Word], gray: np.ndarray, dpi: int, read_line: LineReader) -> bool:
    """Replace, in place, the words of the poorest lines by an enlarged re-reading when it is surer; True when any
    line changed. Words keep the page's reading order and line numbers."""
    if not words:
        return False
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    median = float(np.median([w.height for w in words]))

    def worth_it(ws: list[Word]) -> bool:
        height = float(np.median([w.height for w in ws]))
        if _letters(ws) < MIN_LETTERS or height > MAX_HEIGHT_RATIO * median:
            return False
        return _mean(ws) < POOR_LINE_CONFIDENCE or height <= TINY_HEIGHT_RATIO * median

    poor = sorted((_mean(ws), number) for number, ws in lines.items() if worth_it(ws))[:MAX_LINES]
    changed = False
    for old_conf, number in poor:
        line = lines[number]
        pad = int(0.03 * dpi)
        x0 = max(0, int(min(w.left for w in line)) - pad)
        y0 = max(0, int(min(w.top for w in line)) - pad)
        x1 = min(gray.shape[1], int(max(w.left + w.width for w in line)) + pad)
        y1 = min(gray.shape[0], int(max(w.top + w.height for w in line)) + pad)
        if x1 - x0 < 8 or y1 - y0 < 8:
            continue
        big = cv2.resize(gray[y0:y1, x0:x1], None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_CUBIC)
        new = [w for w in read_line(big, dpi * SCALE) if w.text.strip()]
        # Surer is not always better: the new reading must also spell at least as many dictionary words. It is
        # kept when clearly surer, or when it reads clearly more (tiny print read "surely" but in part).
        surer = _mean(new) >= old_conf + MIN_GAIN
        fuller = _letters(new) >= 1.3 * _letters(line) and _mean(new) >= old_conf - 5
        if not new or not (surer or fuller) or _known(new) < _known(line):
            continue
        for w in new:
            w.left, w.top = x0 + w.left / SCALE, y0 + w.top / SCALE
            w.width, w.height, w.line = w.width / SCALE, w.height / SCALE, number
        at = next(i for i, w in enumerate(words) if w.line == number)
        words[:] = [w for w in words[:at] if w.line != number] + new + [w for w in words[at:] if w.line != number]
        changed = True
    return changed
