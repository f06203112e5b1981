"""`ps_places`: an EntityRuler whose patterns are the gazetteer (domain.md, Levels).

Regions and the cities of republican significance (Astana, Almaty, Shymkent) are region level; cities of regional
significance and districts are district level. Patterns are made from data/registry/regions.json and
data/gazetteer/*.yaml when the pipeline is built, over folded tokens so that case endings ("Карагандинской
области", "Қарағанды облысының"), Kazakh letters and OCR look-alikes all match.
"""

from __future__ import annotations

import json
import re
from functools import cache

import yaml
from spacy.language import Language
from spacy.pipeline import EntityRuler

from classifiers.normalize import fold
from models import Level
from pipeline.config import DATA_DIR

LEVEL_OF = {"REGION": Level.region, "REP_CITY": Level.region, "CITY": Level.district, "DISTRICT": Level.district}
_OBLAST = {"_": {"fold": {"REGEX": r"^(?:област|облыс)"}}}
_CITY_WORD = {"_": {"fold": {"REGEX": r"^(?:г\.?|гор\w*)$"}}}  # "города", "гор.", OCR's "горота"
_DOT = {"ORTH": ".", "OP": "?"}
_CITY_AFTER = {"_": {"fold": {"REGEX": r"^(?:калас|городск)"}}}
_CAPITALISED = {"TEXT": {"REGEX": r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]{3,}$"}}
# "районный" and "аудандық" are stage or event adjectives; only the noun ("района", "ауданы") names a place.
_DISTRICT_NOUN = {"_": {"fold": {"REGEX": r"^(?:район(?:а|е|у|ом)?|аудан(?:ы|ынын|ында|ына|нын)?)$"}}}


def _stem(word: str) -> str:
    return word[: max(4, len(word) - 3)]


def _name_tokens(nlp: Language, name: str, drop: re.Pattern[str]) -> list[dict]:
    """Token patterns for a place name: exact folded words, the last one by its stem (case endings vary)."""
    words = [fold(t.text) for t in nlp.make_doc(name) if not drop.match(fold(t.text))]
    if not words:
        return []
    # A hyphen may be lost or spaced by OCR ("СЕВЕРО КАЗАХСТАНСКОЙ").
    head = [{"ORTH": "-", "OP": "?"} if w == "-" else {"_": {"fold": w}} for w in words[:-1]]
    return [*head, {"_": {"fold": {"REGEX": rf"^{re.escape(_stem(words[-1]))}"}}}]


@cache
def _registry() -> dict:
    return json.loads((DATA_DIR / "registry" / "regions.json").read_text(encoding="utf-8"))


@cache
def _cities() -> list[list[str]]:
    path = DATA_DIR / "gazetteer" / "cities_of_regional_significance.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cities"]


def _grouped(label: str, names: list[str], nlp: Language, drop: re.Pattern[str], shapes: list) -> list[dict]:
    """Patterns for `names`: the one-word names of a label in one alternation (one pattern per shape, not one per
    name: the Matcher tests every pattern at every token), names of several words one by one."""
    single: list[str] = []
    patterns: list[dict] = []
    for name in names:
        tokens = _name_tokens(nlp, name, drop)
        if len(tokens) == 1:
            single.append(tokens[0]["_"]["fold"]["REGEX"].removeprefix("^"))
        elif tokens:
            patterns += [{"label": label, "id": name, "pattern": shape(tokens)} for shape in shapes]
    if single:
        one = [{"_": {"fold": {"REGEX": "^(?:" + "|".join(sorted(set(single))) + ")"}}}]
        patterns += [{"label": label, "pattern": shape(one)} for shape in shapes]
    return patterns


def place_patterns(nlp: Language) -> list[dict]:
    oblast = re.compile(r"^(?:област|облыс)")
    city = re.compile(r"^(?:город|г\.?$|калас)")
    regions = [name for region in _registry()["regions"] for name in region["names_ru"] + region["names_kk"]]
    patterns = _grouped("REGION", regions, nlp, oblast, [lambda t: [*t, _OBLAST], lambda t: [_OBLAST, *t]])
    town_shapes = [lambda t: [_CITY_WORD, _DOT, *t], lambda t: [*t, _CITY_AFTER]]
    republican = [n for c in _registry()["cities_of_republican_significance"] for n in c["names_ru"] + c["names_kk"]]
    patterns += _grouped("REP_CITY", republican, nlp, city, town_shapes)
    patterns += _grouped("CITY", [n for names in _cities() for n in names], nlp, city, town_shapes)
    # Any "<Name> района / ауданы" or "района <Name>" is a district, listed or not.
    patterns.append({"label": "DISTRICT", "id": "район", "pattern": [_CAPITALISED, _DISTRICT_NOUN]})
    patterns.append({"label": "DISTRICT", "id": "район", "pattern": [_DISTRICT_NOUN, _CAPITALISED]})
    return patterns


@Language.factory("ps_places")
def make_places(nlp: Language, name: str) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True)
    ruler.add_patterns(place_patterns(nlp))
    return ruler
