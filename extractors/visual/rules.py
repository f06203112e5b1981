"""Thresholds of the visual detectors, read from data/checks/visual.yaml (data, not code)."""

from __future__ import annotations

from functools import cache

import yaml

from pipeline.config import DATA_DIR


@cache
def visual_rules(section: str) -> dict:
    return yaml.safe_load((DATA_DIR / "checks" / "visual.yaml").read_text(encoding="utf-8"))[section]
