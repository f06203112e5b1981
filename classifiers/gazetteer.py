"""Places and their levels: regions and cities of republican significance (region), cities of regional
significance and districts (district). Built from data/registry/regions.json and data/gazetteer/."""

from __future__ import annotations

import json
import re
from functools import cache

import yaml

from classifiers.normalize import fold
from models import Level
from pipeline.config import DATA_DIR


def _stem(name: str) -> str:
    # Case endings vary ("Карагандинской области", "Қарағанды облысының"): match on a stem of the first word.
    word = fold(name).split()[0]
    return word[: max(4, len(word) - 3)]


@cache
def places() -> list[tuple[re.Pattern[str], Level, str]]:
    registry = json.loads((DATA_DIR / "registry" / "regions.json").read_text(encoding="utf-8"))
    found: list[tuple[re.Pattern[str], Level, str]] = []
    for region in registry["regions"]:
        for name in region["names_ru"] + region["names_kk"]:
            words = [w for w in fold(name).split() if w not in ("область", "облысы")]
            stem = words[0][: max(4, len(words[0]) - 3)]
            found.append((re.compile(rf"{re.escape(stem)}\w*\s+(?:област|облыс)"), Level.region, name))
            found.append((re.compile(rf"област\w*\s+{re.escape(stem)}"), Level.region, name))
    for city in registry["cities_of_republican_significance"]:
        for name in city["names_ru"] + city["names_kk"]:
            stem = _stem(name.replace("город ", ""))
            found.append(
                (
                    re.compile(rf"(?:г\.\s*|город\w*\s+){re.escape(stem)}\w*|{re.escape(stem)}\w*\s+калас"),
                    Level.region,
                    name,
                )
            )
    data = yaml.safe_load((DATA_DIR / "gazetteer" / "cities_of_regional_significance.yaml").read_text("utf-8"))
    for names in data["cities"]:
        for name in names:
            stem = _stem(name)
            found.append(
                (
                    re.compile(rf"(?:г\.\s*|город\w*\s+){re.escape(stem)}\w*|{re.escape(stem)}\w*\s+калас"),
                    Level.district,
                    name,
                )
            )
    # Any "<Name> район / ауданы" is a district, listed or not.
    found.append((re.compile(r"\w{4,}\w*\s+(?:район|ауданы|аудандык)"), Level.district, "район"))
    found.append((re.compile(r"район\w*\s+\w{4,}"), Level.district, "район"))
    return found


def places_in(folded: str) -> list[tuple[int, Level, str]]:
    """(position, level, place name) of every place mentioned, in text order."""
    hits = [(m.start(), level, name) for pattern, level, name in places() for m in pattern.finditer(folded)]
    return sorted(hits)
