"""Which language a document is in: Kazakh-only letters tell Kazakh from Russian."""

from __future__ import annotations

_KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def language_of(text: str) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 20:
        return None
    share = sum(1 for ch in letters if ch in _KAZAKH_ONLY) / len(letters)
    # Kazakh prose has ≈ 8–12 % such letters; a Russian document with a Kazakh name or header has < 1.5 %.
    if share >= 0.035:
        return "kk"
    return "mixed" if share >= 0.012 else "ru"
