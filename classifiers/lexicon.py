"""Loading rule data from data/lexicons by name: a new wording is a data change, not a code change."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from pipeline.config import DATA_DIR

LEXICONS = DATA_DIR / "lexicons"


@cache
def load(name: str) -> Any:
    return yaml.safe_load((LEXICONS / f"{name}.yaml").read_text(encoding="utf-8"))


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


def any_match(patterns: list[str] | str, text: str) -> re.Match[str] | None:
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        match = compiled(pattern).search(text)
        if match:
            return match
    return None
