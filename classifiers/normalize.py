"""Folding text so rules match through OCR noise: case, ё/е, Kazakh letters, Latin look-alikes, hyphenation."""

from __future__ import annotations

import re

_KAZAKH_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")
# Latin letters OCR puts into Cyrillic words (А/A, Е/E, О/O, Р/P, С/C, Х/X, У/Y, К/K, М/M, Т/T, Н/H, В/B, і/i).
_LATIN_TO_CYRILLIC = str.maketrans("aceopxykmthbi", "асеорхукмтнви")
_DIGIT_IN_WORD = str.maketrans("036", "озб")
_CYRILLIC = re.compile(r"[а-яё]")
_WORD = re.compile(r"[0-9a-zа-яёәғқңөұүһі]+")
_HYPHEN_BREAK = re.compile(r"(\w)[-‐‑¬]\s*\n\s*(\w)")


# A digit among letters is an OCR look-alike ("ДИПЛ0М", "0лимпиада"); a digit next to digits is a number
# ("2024ж.", "10класса"), whatever letters follow it.
_LONE_DIGIT = re.compile(r"(?<!\d)[036](?!\d)")


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if _CYRILLIC.search(word):  # a mixed-script word: its Latin letters and lone digits are OCR look-alikes
        word = word.translate(_LATIN_TO_CYRILLIC)
        word = _LONE_DIGIT.sub(lambda m: m.group(0).translate(_DIGIT_IN_WORD), word)
    return word.translate(_KAZAKH_FOLD)


def join_hyphenation(text: str) -> str:
    return _HYPHEN_BREAK.sub(r"\1\2", text)


def fold(text: str) -> str:
    """Lower-case, join words broken across lines, fold Kazakh letters and OCR look-alikes (keeps line breaks)."""
    text = join_hyphenation(text).lower().replace("ё", "е")
    return _WORD.sub(_fold_word, text)


def collapse(text: str) -> str:
    return " ".join(text.split())
