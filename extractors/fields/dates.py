"""Dates in RU/KZ forms: "15.03.2024", "15 марта 2024 г.", "2024 жылғы 15 наурыз", "15 наурыз 2024 ж."."""

from __future__ import annotations

import re
from datetime import date

from classifiers.lexicon import compiled, load

# Day, month, year in digits with any of the separators printed or scanned ("15.03.2024", "15/03/2024",
# "15 . 03 . 2024", "15,03.2024", "«15» _03_ 2024 г."); a two-digit year only between dots ("15.03.24").
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[»\"]?\s*[./,_-][\s_]*(\d{1,2})[\s_]*[./,-]\s*((?:19|20)\d{2})(?!\d)")
_SPACED = re.compile(r"(?<![\d.])[«\"](\d{1,2})[»\"]\s*_*\s*(\d{1,2})\s*_*\s+((?:19|20)\d{2})(?!\d)")
# A scan that lost the first separator to a gap ("27 04.2018"): only two-digit day and month and the dot, so a
# number before a month and year ("8 12.2018") is not read as a day.
_GAP_DOT = re.compile(r"(?<![\d.])(\d{2}) (\d{2})\.((?:19|20)\d{2})(?!\d)")
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_ROMAN_MONTH = re.compile(r"(?<!\d)(\d{1,2})\.([ivx]{1,4})\.((?:19|20)\d{2})(?!\d)")
# Digits OCR confuses in printed years and days (seen on generated scans: 2023 read 2025, 2021 read 2027).
_LOOKALIKE_DIGITS = {"0": "89", "1": "7", "2": "7", "3": "586", "5": "36", "6": "58", "7": "12", "8": "360", "9": "0"}
_ROMAN = {
    r: n for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"], start=1)
}


def _months() -> dict[str, int]:
    rules = load("dates")
    return {**rules["month_abbreviations"], **rules["months"]}


def _month_alternation() -> str:
    return "|".join(sorted(_months(), key=len, reverse=True))


def _month(word: str) -> int | None:
    for stem, number in sorted(_months().items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return int(number)
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    if not 2000 <= year <= 2035:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read_day(year: int, month: int, day: str) -> date | None:
    """The date, or when the day cannot be one ("51 қаңтар", "38.11.2021") the day's first digit read as its OCR
    look-alike (51 → 31): a day's tens digit is 0–3, and only one look-alike may make it a day of that month."""
    if found := _valid(year, month, int(day)):
        return found
    if len(day) != 2:
        return None
    days = {d for alt in _LOOKALIKE_DIGITS.get(day[0], "") if (d := _valid(year, month, int(alt + day[1])))}
    return days.pop() if len(days) == 1 else None


# A day of two figures, one of them read as a letter it looks like ("2019 жылғы 1У мамыр", folded "1у"): fresh corpus
# seed 31337, a date under a rule. Same length, so positions in the folded text stay.
_LETTER_IN_DAY = re.compile(r"(?<![\w.])(?:\d[озбу]|[озбу]\d)(?![\w.])")
_LETTER_DIGITS = str.maketrans("озбу", "0369")


def find_dates(folded: str) -> list[tuple[int, date]]:
    """Every valid date with its position in the folded text, in text order."""
    folded = _LETTER_IN_DAY.sub(lambda m: m.group(0).translate(_LETTER_DIGITS), folded)
    months = _month_alternation()
    # Both figures of a quoted day read as letters ("«ОЗ» сәуір 2019 ж.", fresh seed 24680): in quotes before a
    # month no word is meant (a bare "оз", Kazakh "өз", is one).
    quoted_day = compiled(rf"(?<=[«\"])[озбу]{{2}}(?=[»\"]\s*(?:{months}))")
    folded = quoted_day.sub(lambda m: m.group(0).translate(_LETTER_DIGITS), folded)
    found: list[tuple[int, date]] = []
    for pattern in (_NUMERIC, _SPACED, _GAP_DOT):
        for m in pattern.finditer(folded):
            if d := _read_day(int(m.group(3)), int(m.group(2)), m.group(1)):
                found.append((m.start(), d))
    for m in _SHORT_YEAR.finditer(folded):
        if d := _valid(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1))):
            found.append((m.start(), d))
    for m in _ISO.finditer(folded):
        if d := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            found.append((m.start(), d))
    for m in _ROMAN_MONTH.finditer(folded):
        if d := _valid(int(m.group(3)), _ROMAN.get(m.group(2), 0), int(m.group(1))):
            found.append((m.start(), d))
    day_month_year = compiled(rf"(?<!\d)[«\"]?(\d{{1,2}})[»\"]?\s+((?:{months})\w*)\.?\s*,?\s+((?:19|20)\d{{2}})(?!\d)")
    year_day_month = compiled(
        # "2018 ж. 17 ақпан", also with the space after "ж." lost to OCR ("2018 Ж.17 ақпан", fresh seed 84213)
        rf"((?:19|20)\d{{2}})(?:\s*(?:ж\.?|жыл\w*)\s*|\s+)[«\"]?(\d{{1,2}})[»\"]?\s*[-]?\s*((?:{months})\w*)"
    )
    for m in day_month_year.finditer(folded):
        if (month := _month(m.group(2))) and (d := _read_day(int(m.group(3)), month, m.group(1))):
            found.append((m.start(), d))
    for m in year_day_month.finditer(folded):
        if (month := _month(m.group(3))) and (d := _read_day(int(m.group(1)), month, m.group(2))):
            found.append((m.start(), d))
    return sorted(set(found))


HEADER_LINES = 6


def _header_end(folded: str) -> int:
    """Offset where the first HEADER_LINES non-empty lines end."""
    offset, seen = 0, 0
    for line in folded.splitlines(keepends=True):
        offset += len(line)
        seen += bool(line.strip())
        if seen >= HEADER_LINES:
            break
    return offset


LATE_TOLERANCE_DAYS = 31  # certificates are printed ahead of a ceremony; a file is not made a month before one


def plausible_year(chosen: date, not_after: date, printed: list[date]) -> date:
    """`chosen` with its year re-read when the date is impossible: later than `not_after` (the file's own creation
    date, or today) by more than LATE_TOLERANCE_DAYS. The year's last two digits are tried as their OCR
    look-alikes; a year another printed date shares with the same day and month wins, else the latest possible
    one. Without a possible look-alike the date stays as read."""
    limit = not_after.toordinal() + LATE_TOLERANCE_DAYS
    if chosen.toordinal() <= limit:
        return chosen
    digits = str(chosen.year)
    years = {int(digits[:i] + alt + digits[i + 1 :]) for i in (2, 3) for alt in _LOOKALIKE_DIGITS.get(digits[i], "")}
    candidates = [d for y in years if (d := _valid(y, chosen.month, chosen.day)) and d.toordinal() <= limit]
    if not candidates:
        return chosen
    echoed = [d for d in candidates if any((p.year, p.month, p.day) == (d.year, d.month, d.day) for p in printed)]
    return max(echoed or candidates)


def issue_date(
    folded: str, dated_header: bool = False, not_after: date | None = None
) -> tuple[str | None, list[str], float]:
    """The issue date and the other dates printed.

    The issue date follows a "дата выдачи"/"берілген" cue; else, for a document dated in its header (an order, a
    protocol: "ПРИКАЗ от 05.09.2023 № 214"), the first date of the header; else the last date printed. With
    `not_after`, an impossible year is re-read (plausible_year).
    """
    dates = find_dates(folded)
    if not dates:
        return None, [], 0.0
    cue = compiled(r"дата\s+выдачи|берилген\s+кун|выдан\w*|дата:")
    chosen = None
    for m in cue.finditer(folded):
        after = [d for pos, d in dates if 0 <= pos - m.end() < 60]
        if after:
            chosen = after[0]
    if chosen is None and dated_header:
        header = [d for pos, d in dates if pos < _header_end(folded)]
        chosen = header[0] if header else None
    confidence = 0.9 if chosen else (0.8 if len({d for _, d in dates}) == 1 else 0.65)
    chosen = chosen or dates[-1][1]
    if not_after is not None:
        read, chosen = chosen, plausible_year(chosen, not_after, [d for _, d in dates])
        confidence = confidence if chosen == read else 0.6
    others = sorted({d.isoformat() for _, d in dates if d != chosen})
    return chosen.isoformat(), others, confidence
