"""Matching an event against the approved lists (order No. 514 of 7 Dec 2011 and regional lists; domain.md).

Registry names (RU, KZ, abbreviations) from data/registry/approved_events.json and every data/approved/*.json are
cut into folded stems; a document window matches a name when it shows nearly all of the name's content stems.
A registry name with a quoted brand («Сардар») matches only when the document shows that brand, and a document
whose contest carries its own brand («Зимние узоры») never matches a generic registry name — so paid contests
that borrow generic words ("международная олимпиада по математике") do not match an approved event.
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

APPROVED_DIR = DATA_DIR / "approved"
_QUOTED = re.compile(r"[«\"“„]([^»\"”“\n]{2,60})[»\"”“]")
# A grade range ("5-6 классов") tells the grade-band olympiads apart: kept as one token.
_WORD = re.compile(r"\d{1,2}\s*-\s*\d{1,2}|[a-zа-я0-9]+")
_TRAILING_YEAR = re.compile(r"[\s\-–—]*(?:19|20)\d{2}\s*$")


@dataclass(frozen=True)
class Event:
    id: str
    names: tuple[str, ...]  # as printed in the registry
    stems: tuple[frozenset[str], ...]  # content stems of each name
    abbr: str | None
    levels: tuple[str, ...]
    brands: tuple[str, ...]  # folded quoted names
    brand_stems: frozenset[str]  # the content stems of the brands' words
    source: str
    audience: str | None = None  # "student" or "teacher": whose contest it is


@dataclass(frozen=True)
class Match:
    event_id: str
    score: float  # 0..100
    matched: str  # the registry name (or abbreviation, or alias pattern) that matched
    levels: tuple[str, ...]
    audience: str | None = None


@cache
def _rules() -> dict:
    return yaml.safe_load((APPROVED_DIR / "matching.yaml").read_text(encoding="utf-8"))


@cache
def _stop() -> frozenset[str]:
    return frozenset(_rules()["stop"])


# Latin brand names that the Cyrillic OCR models print in look-alike Cyrillic ("ProEco" → "РгоЕсо", "SPT" →
# "5РТ", "Youngchallenger" → "ҮоппасһаПепдег"): both sides are compared as skeletons of glyph shapes, every
# letter or digit a shape is read as standing for it. Measured: OCR'd approved brands 76–100 against their own
# skeleton, unrelated quoted names (paid contests, games) ≤ 55.
_SHAPES = {
    "с": "s5ѕc",
    "л": "l1|!іiıї",
    "п": "nиuhнһй",
    "д": "gq9d",
    "о": "o0",
    "е": "eё",
    "у": "yү",
    "з": "z3",
    "г": "r",
    "а": "a",
    "к": "k",
    "м": "m",
    "т": "t",
    "х": "x",
    "р": "p",
    "в": "b",
    "б": "6",
}
_SKELETON = str.maketrans("".join(_SHAPES.values()), "".join(k * len(v) for k, v in _SHAPES.items()))


def _brand_key(text: str) -> str:
    key = collapse(_TRAILING_YEAR.sub("", fold(text)).replace("-", " ").replace("–", " ").strip(" .,"))
    return key.translate(_SKELETON)


def stems(text: str) -> frozenset[str]:
    """Content stems of a text (folded, cut to `stem` letters, stop words dropped)."""
    size = _rules()["stem"]
    words = (re.sub(r"\s", "", w) for w in _WORD.findall(fold(text)))
    cut = (w if "-" in w else w[:size] for w in words if len(w) >= 2 and not w.isdigit())
    return frozenset(s for s in cut if s not in _stop())


def _registry_files() -> list:
    return [DATA_DIR / "registry" / "approved_events.json", *sorted(APPROVED_DIR.glob("*.json"))]


@cache
def events() -> list[Event]:
    """Every approved event: the national registry plus each regional list dropped into data/approved/."""
    found: list[Event] = []
    seen: set[str] = set()
    for path in _registry_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        for raw in data.get("events", []):
            if raw["id"] in seen:
                raise ValueError(f"{path.name}: duplicate approved event id {raw['id']}")
            seen.add(raw["id"])
            names = tuple(raw.get("names_ru", []) + raw.get("names_kk", []))
            brands = tuple(sorted({_brand_key(b) for n in names for b in _QUOTED.findall(n)}))
            found.append(
                Event(
                    id=raw["id"],
                    names=names,
                    stems=tuple(stems(n) for n in names),
                    abbr=raw.get("abbr"),
                    levels=tuple(raw.get("levels", [])),
                    audience=raw.get("audience"),
                    brands=brands,
                    brand_stems=stems(" ".join(brands)),
                    source=raw.get("source") or data.get("about", path.name),
                )
            )
    return found


@cache
def aliases() -> list[tuple[re.Pattern[str], str]]:
    data = yaml.safe_load((APPROVED_DIR / "aliases.yaml").read_text(encoding="utf-8"))
    return [(re.compile(p), event_id) for event_id, patterns in data.items() for p in patterns]


def event_by_id(event_id: str) -> Event | None:
    return next((e for e in events() if e.id == event_id), None)


def _windows(text: str) -> list[str]:
    """Runs of up to three lines: event names wrap across lines, and a window keeps unrelated lines apart."""
    lines = [line for line in fold(text).splitlines() if line.strip()]
    if len(lines) <= 3:
        return [" ".join(lines)]
    return [" ".join(lines[i : i + 3]) for i in range(len(lines) - 2)]


def contest_brands(text: str) -> list[str]:
    """Quoted names standing next to a contest word: the event's own brand, not a school's or a provider's."""
    rules = _rules()
    folded = fold(text)
    after = re.compile(rf"(?:{rules['contest']})\w*[^«\"“\n]{{0,60}}[«\"“]([^»\"”\n]{{2,60}})[»\"”]")
    before = re.compile(rf"[«\"“]([^»\"”\n]{{2,60}})[»\"”]\s*(?:[\w-]+\s+){{0,3}}(?:{rules['contest']})")
    found = after.findall(folded) + before.findall(folded)
    return [_brand_key(b) for b in found if not re.search(rules["not_brand"], b)]


def _brand_shown(brand: str, window: str, quoted: list[str]) -> float:
    """How well a registry brand is shown: against the quoted names if the window has any, else as words."""
    if quoted:
        return max(fuzz.ratio(brand, q) for q in quoted)
    # Unquoted, the brand must stand by a contest word ("Ақбота олимпиадасы", "олимпиада Ақбота"): a student
    # named Ақбота is not the olympiad.
    contest = _rules()["contest"]
    name, gap = re.escape(brand), r"\s+(?:\S+\s+){0,2}"
    near = rf"(?:(?:{contest})\w*{gap}{name}|{name}{gap}(?:{contest}))"
    if re.search(rf"(?<!\w){near}", window.translate(_SKELETON)):
        return 100.0
    return 0.0


@cache
def _kinds(name: str) -> tuple[str, ...]:
    folded = fold(name)
    return tuple(pattern for pattern in _rules()["kinds"].values() if re.search(pattern, folded))


def _same_kind(name: str, window: str) -> bool:
    """An olympiad is not a contest of projects: a name's kind of event, when it says one, must be shown too
    ("Олимпиада по экологии" against "конкурс экологических проектов"). Kinds are data (matching.yaml)."""
    kinds = _kinds(name)
    return not kinds or any(re.search(pattern, window) for pattern in kinds)


def _coverage(name: frozenset[str], shown: frozenset[str]) -> tuple[float, float]:
    """(share of the name's stems shown, allowing OCR-damaged ones; share shown exactly)."""
    if not name:
        return 0.0, 0.0
    exact = fuzzy = 0
    for stem in name:
        if stem in shown:
            exact += 1
        # OCR often loses a line's first letter ("еспубликанской", "ерде»"): a stem may start at the second.
        elif len(stem) >= 5 and any(fuzz.ratio(stem, s) >= 80 for s in shown if s[0] in stem[:2]):
            fuzzy += 1
    return (exact + fuzzy) / len(name), exact / len(name)


# A branded event named in full needs this many stems besides its brand: «Бастау» математикалық олимпиадасы is two,
# which "Бастауыш … математика пәнінің мұғалімі" shows (held-out P202-10).
MIN_STEMS_BESIDE_BRAND = 3


def _named_in_full(event: Event, window: str, shown: frozenset[str]) -> float | None:
    """Coverage of one of a branded event's names, its brand words among them, when its quotes did not survive OCR
    ("«Зерде- зерттеушілік және шығармашылық жобалардың республикалық конкурсы", "ерде» зерттеушілік …": fresh
    seed 84213): the whole name shown, its kind of event too, stands for the brand."""
    if not event.brand_stems or _coverage(event.brand_stems, shown)[0] < 1.0:
        return None
    for name, name_stems in zip(event.names, event.stems, strict=True):
        if not event.brand_stems <= name_stems or len(name_stems - event.brand_stems) < MIN_STEMS_BESIDE_BRAND:
            continue
        coverage = _coverage(name_stems, shown)[0]
        if coverage >= _rules()["min_coverage"] and _same_kind(name, window):
            return 100 * coverage
    return None


def _match_window(window: str, raw_window_quoted: list[str], online: bool) -> tuple[Match, tuple] | None:
    shown = stems(window)
    best: tuple[tuple, Match] | None = None
    for event in events():
        if event.brands:
            brand_score = max(_brand_shown(b, window, raw_window_quoted) for b in event.brands)
            if brand_score < _rules()["brand_min"] and not (
                brand_score >= _rules()["long_brand_min"] and min(len(b) for b in event.brands) >= 8
            ):
                named = None if online else _named_in_full(event, window, shown)
                if named is None:
                    continue
                brand_score = named
            candidate = Match(event.id, brand_score, event.names[0], event.levels, event.audience)
            key = (brand_score, 1.0, 100.0, 100.0)
        else:
            scored = [
                (*_coverage(s, shown), len(s), n)
                for s, n in zip(event.stems, event.names, strict=True)
                if _same_kind(n, window)
            ]
            if not scored:
                continue
            coverage, exact, size, name = max(scored)
            if coverage < _rules()["min_coverage"] or online:
                continue
            candidate = Match(event.id, 100 * coverage, name, event.levels, event.audience)
            # Equal coverage: the name shown exactly ("астрономической" is not "астрофизике", one letter apart),
            # then the longest, then the one printed closest to verbatim.
            key = (100 * coverage, exact, float(size), fuzz.partial_ratio(fold(name), window))
        if best is None or key > best[0]:
            best = (key, candidate)
    return (best[1], best[0]) if best else None


def match_event(text: str) -> Match | None:
    """The approved event a document (or an event phrase) names, or None."""
    for event in events():
        if event.abbr and re.search(rf"(?<![A-Za-z]){re.escape(event.abbr)}(?![A-Za-z])", text):
            return Match(event.id, 100.0, event.abbr, event.levels, event.audience)
    own_brands = contest_brands(text)
    online = bool(re.search(_rules()["online"], fold(text)))
    best: Match | None = None
    best_key: tuple = ()
    for window in _windows(text):
        quoted = [_brand_key(q) for q in _QUOTED.findall(window)]
        found = _match_window(window, quoted, online)
        if found and (best is None or found[1] > best_key):
            best, best_key = found
    if best is None:
        folded = collapse(fold(text))
        for pattern, event_id in aliases():
            if pattern.search(folded) and (event := event_by_id(event_id)) and not online:
                best = Match(event_id, 90.0, pattern.pattern, event.levels, event.audience)
                break
    if best is None:
        return None
    event = event_by_id(best.event_id)
    # A generic registry name matched, but the document's contest carries its own brand: a different event.
    if event is not None and not event.brands and any(b not in fold(best.matched) for b in own_brands):
        return None
    return best
