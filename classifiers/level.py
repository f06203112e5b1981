"""Level of an event or issuer (domain.md, Levels): stage phrases, level adjectives, issuers through the
gazetteer, and the approved event's own level."""

from __future__ import annotations

import re

from classifiers.gazetteer import places_in
from classifiers.lexicon import any_match, compiled, load
from models import Level

ISSUER_LINES = 10


def _stage_level(folded: str) -> Level | None:
    stages: dict[str, list[str]] = load("levels")["stage"]
    best: tuple[int, Level] | None = None
    for name, patterns in stages.items():
        match = any_match(patterns, folded)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), Level(name))
    return best[1] if best else None


def _adjective_level(folded: str) -> Level | None:
    rules = load("levels")
    nouns = rules["event_nouns"]
    best: tuple[int, Level] | None = None
    for name, patterns in rules["adjective"].items():
        for pattern in patterns:
            for match in compiled(rf"(?:{pattern})\w*\s+(?:[\w«»\"-]+\s+){{0,3}}?(?:{nouns})").finditer(folded):
                if best is None or match.start() < best[0]:
                    best = (match.start(), Level(name))
    return best[1] if best else None


def _issuer_level(folded: str) -> Level | None:
    rules = load("levels")
    head = "\n".join(folded.splitlines()[:ISSUER_LINES])
    for area in (head, folded):
        for name in ("republic", "region", "district", "school"):
            if any_match(rules[f"{name}_issuers"], area):
                if name == "district" and _republican_city(area):
                    return Level.region  # a city of republican significance is region level
                if name in ("region", "district"):
                    placed = [lvl for _, lvl, _ in places_in(area)]
                    if name == "district" and Level.region in placed and Level.district not in placed:
                        return Level.region
                return Level(name)
        placed = [lvl for _, lvl, _ in places_in(area)]
        if placed:
            return placed[0]
    return None


_REP_CITY = re.compile(r"(?:г\.\s*|город\w*\s+)(?:алмат|астан|шымкент|нур-султан)|(?:алматы|астана|шымкент)\s+калас")


def _republican_city(folded: str) -> bool:
    return bool(_REP_CITY.search(folded))


def classify_level(folded: str, event_levels: list[str] | None = None) -> tuple[Level, float]:
    stage = _stage_level(folded)
    if stage is not None:
        if stage is Level.district and _republican_city(folded):
            return Level.region, 0.85
        return stage, 0.95
    if event_levels and len(event_levels) == 1:
        return Level(event_levels[0]), 0.9
    adjective = _adjective_level(folded)
    if adjective is not None:
        if adjective is Level.district and _republican_city(folded):
            return Level.region, 0.8
        return adjective, 0.85
    issuer = _issuer_level(folded)
    if issuer is not None:
        return issuer, 0.7
    return Level.unknown, 0.2
