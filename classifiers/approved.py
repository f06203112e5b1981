"""Matching an event against the approved lists (order No. 514 of 7 Dec 2011 and regional lists; domain.md).

Registry names are folded and matched fuzzily (rapidfuzz) against the document; a quoted brand name in the
document («Зимние узоры») must appear in the registry name, so paid contests that borrow generic words
("международная олимпиада по математике") do not match an approved event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

import yaml
from rapidfuzz import fuzz

from classifiers.normalize import collapse, fold
from pipeline.config import DATA_DIR

MIN_SCORE = 88
_QUOTED = re.compile(r"[«\"“„']([^»\"”']{3,60})[»\"”']")


@dataclass(frozen=True)
class Event:
    id: str
    names: tuple[str, ...]  # folded
    abbr: str | None
    levels: tuple[str, ...]
    brands: tuple[str, ...]  # folded quoted names


@dataclass(frozen=True)
class Match:
    event_id: str
    score: float
    matched: str
    levels: tuple[str, ...]


def _strip_quotes(text: str) -> str:
    return re.sub(r"[«»\"“”„'()]", " ", text)


@cache
def events() -> list[Event]:
    files = [DATA_DIR / "registry" / "approved_events.json", *sorted((DATA_DIR / "approved").glob("*.json"))]
    found: list[Event] = []
    for path in files:
        for raw in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            names = raw.get("names_ru", []) + raw.get("names_kk", [])
            brands = tuple({fold(b).strip() for n in names for b in _QUOTED.findall(n)})
            folded = tuple(collapse(fold(_strip_quotes(n))) for n in names)
            found.append(Event(raw["id"], folded, raw.get("abbr"), tuple(raw.get("levels", [])), brands))
    return found


@cache
def aliases() -> list[tuple[re.Pattern[str], str]]:
    data = yaml.safe_load((DATA_DIR / "approved" / "aliases.yaml").read_text(encoding="utf-8"))
    return [(re.compile(p), event_id) for event_id, patterns in data.items() for p in patterns]


def _by_id(event_id: str) -> Event | None:
    return next((e for e in events() if e.id == event_id), None)


_CONTEST = r"(?:олимпиад|конкурс|байкау|сайыс|марафон|турнир|игр)"
_BRAND_AFTER = re.compile(_CONTEST + r"\w*[^«\"“\n]{0,60}[«\"“]([^»\"”\n]{3,60})[»\"”]")
_BRAND_BEFORE = re.compile(r"[«\"“]([^»\"”\n]{3,60})[»\"”]\s*(?:[\w-]+\s+){0,3}" + _CONTEST)
_NOT_BRAND = re.compile(r"школ|гимназ|лице|мектеп|колледж|университет|нцпк|орлеу|дарын|\bао\b|\bкгу\b")


def contest_brands(text: str) -> list[str]:
    """Quoted names standing next to a contest word: the event's own brand, not a school's or a provider's."""
    folded = fold(text)
    found = _BRAND_AFTER.findall(folded) + _BRAND_BEFORE.findall(folded)
    return [collapse(b) for b in found if not _NOT_BRAND.search(b)]


def matched_event_abbr(event: Event | None) -> str | None:
    return event.abbr if event else None


def match_event(text: str) -> Match | None:
    """The approved event a document names, or None. `text` is the raw document text."""
    folded = collapse(fold(text))
    plain = collapse(fold(_strip_quotes(text)))
    brands = contest_brands(text)
    best: Match | None = None
    for event in events():
        if event.abbr and re.search(rf"(?<![A-Za-z]){re.escape(event.abbr)}(?![A-Za-z])", text):
            candidate = Match(event.id, 100.0, event.abbr, event.levels)
        else:
            score, name = max(((fuzz.partial_ratio(n, plain), n) for n in event.names), default=(0.0, ""))
            if score < MIN_SCORE:
                continue
            candidate = Match(event.id, score, name, event.levels)
        if event.brands and not any(fuzz.partial_ratio(b, folded) >= 90 for b in event.brands):
            continue  # the registry names a brand the document does not show
        if best is None or (candidate.score, len(candidate.matched)) > (best.score, len(best.matched)):
            best = candidate
    if best is None:
        for pattern, event_id in aliases():
            if pattern.search(folded) and (event := _by_id(event_id)):
                best = Match(event_id, 90.0, pattern.pattern, event.levels)
                break
    if best is None:
        return None
    matched_event = _by_id(best.event_id)
    generic = matched_event is None or not matched_event.brands
    # A generic registry name matched, but the document names its own brand: a different (often paid) event.
    if (
        generic
        and brands
        and best.matched != matched_event_abbr(matched_event)
        and not any(b in best.matched for b in brands)
    ):
        return None
    return best
