"""Course hours: "в объёме 72 академических часов", "72 (семьдесят два) часа", "көлемі 72 академиялық сағат"."""

from __future__ import annotations

from classifiers.lexicon import compiled, load


def course_hours(folded: str) -> int | None:
    rules = load("hours")
    for pattern in (rules["pattern"], rules["label_pattern"]):
        for m in compiled(pattern).finditer(folded):
            hours = int(m.group("n"))
            if 4 <= hours <= 2000:
                return hours
    for words, hours in rules["words"].items():
        if compiled(rf"{words}\w*\s+(?:\w+\s+)?(?:час|сагат)").search(folded):
            return int(hours)
    return None
