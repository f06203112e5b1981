"""The checks' data files (data/checks/*.yaml), loaded by name."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from pipeline.config import DATA_DIR


@cache
def rules(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / "checks" / f"{name}.yaml").read_text(encoding="utf-8"))


def threshold(key: str) -> Any:  # numbers, lists or sections of thresholds.yaml
    return rules("thresholds")[key]


@cache
def words(key: str) -> re.Pattern[str]:
    """A word-list pattern of data/checks/words.yaml, to search folded text."""
    return re.compile(rules("words")[key])
