"""Dates as certificates print them (domain.md "Dates"), and a parser the generator tests use to check the truth.

Each format has a name, so a wording can keep to the forms its template would use.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

RU_MONTHS_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
KK_MONTHS = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
]

RU_FORMATS = {
    "dots": lambda d: f"{d:%d.%m.%Y}",
    "dots_g": lambda d: f"{d:%d.%m.%Y} г.",
    "quoted": lambda d: f"«{d.day:02d}» {RU_MONTHS_GEN[d.month - 1]} {d.year} г.",
    "words": lambda d: f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} года",
    "words_g": lambda d: f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} г.",
    "slashes": lambda d: f"{d:%d/%m/%Y}",
}
KK_FORMATS = {
    "year_first": lambda d: f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}",
    "day_first": lambda d: f"{d.day} {KK_MONTHS[d.month - 1]} {d.year} ж.",
    "dots_zh": lambda d: f"{d:%d.%m.%Y} ж.",
    "quoted": lambda d: f"«{d.day:02d}» {KK_MONTHS[d.month - 1]} {d.year} ж.",
    "dots": lambda d: f"{d:%d.%m.%Y}",
    "year_zh": lambda d: f"{d.year} ж. {d.day} {KK_MONTHS[d.month - 1]}",
}


def fmt(d: date, language: str, style: str) -> str:
    return (RU_FORMATS if language == "ru" else KK_FORMATS)[style](d)


def pick(rng: random.Random, d: date, language: str, styles: list[str] | None = None) -> str:
    table = RU_FORMATS if language == "ru" else KK_FORMATS
    usable = [s for s in styles or [] if s in table] or list(table)
    return table[rng.choice(usable)](d)


def in_range(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


_MONTHS = {m: i + 1 for i, m in enumerate(RU_MONTHS_GEN)} | {m: i + 1 for i, m in enumerate(KK_MONTHS)}
_NUMERIC = re.compile(r"(\d{2})[./](\d{2})[./](\d{4})")
_DAY_MONTH_YEAR = re.compile(r"«?(\d{1,2})»?\s+([а-яәғқңөұүһі]+)\s+(\d{4})")
_YEAR_DAY_MONTH = re.compile(r"(\d{4})\s+ж(?:ылғы|\.)\s+(\d{1,2})\s+([а-яәғқңөұүһі]+)")


def parse(text: str) -> date | None:
    """The first date in a printed string, in any of the forms above (for the generator's self-tests)."""
    if m := _NUMERIC.search(text):
        return date(int(m[3]), int(m[2]), int(m[1]))
    if (m := _YEAR_DAY_MONTH.search(text)) and m[3] in _MONTHS:
        return date(int(m[1]), _MONTHS[m[3]], int(m[2]))
    if (m := _DAY_MONTH_YEAR.search(text)) and m[2] in _MONTHS:
        return date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    return None
