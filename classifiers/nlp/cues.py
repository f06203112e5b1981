"""`ps_levels`: a span ruler that marks level cues (doc.spans["levels"]): a stage ("областной этап",
"облыстық кезеңі", label STAGE) or an event/council with its level adjective ("республиканской олимпиады",
"аудандық байқау", label EVENT). The span's id is the level. Patterns are made from data/nlp/levels.yaml: Russian
lemmas (pymorphy3) for clean text, folded prefixes for Kazakh and OCR-damaged words.
"""

from __future__ import annotations

from functools import cache

import yaml
from spacy.language import Language
from spacy.pipeline import SpanRuler

from pipeline.config import DATA_DIR

LEVELS_KEY = "levels"


@cache
def _rules() -> dict:
    return yaml.safe_load((DATA_DIR / "nlp" / "levels.yaml").read_text(encoding="utf-8"))


def _prefixes(words: list[str]) -> dict:
    return {"_": {"fold": {"REGEX": "^(?:" + "|".join(words) + ")"}}}


def _word_variants(lemmas: list[str], prefixes: list[str]) -> list[dict]:
    variants = [{"LEMMA": {"IN": lemmas}}] if lemmas else []
    return variants + ([_prefixes(prefixes)] if prefixes else [])


def level_patterns() -> list[dict]:
    rules = _rules()
    stage_noun = _prefixes(rules["stage_nouns"])
    event_noun = _prefixes(rules["event_nouns"])
    line_break = {"IS_SPACE": True, "OP": "?"}  # a phrase may wrap: "облыстық\nкезеңінде"
    gap = {"OP": f"{{0,{rules['between']}}}"}
    # A quoted name of any length may stand between: "облыстық «Не? Қайда? Қашан?» зияткерлік ойыны".
    brand = [
        {"ORTH": {"IN": ["«", '"', "“"]}},
        {"ORTH": {"NOT_IN": ["»", '"', "”", "\n"]}, "OP": "+"},
        {"ORTH": {"IN": ["»", '"', "”"]}},
    ]
    patterns: list[dict] = []
    for level, words in rules["levels"].items():
        adjectives = _word_variants(words.get("lemmas", []), words.get("prefixes", []))
        stage_words = adjectives + _word_variants(words.get("stage_lemmas", []), words.get("stage_prefixes", []))
        patterns += [{"label": "STAGE", "id": level, "pattern": [w, line_break, stage_noun]} for w in stage_words]
        patterns += [{"label": "EVENT", "id": level, "pattern": [w, gap, event_noun]} for w in adjectives]
        patterns += [{"label": "EVENT", "id": level, "pattern": [w, *brand, gap, event_noun]} for w in adjectives]
    return patterns + rules["patterns"]


@Language.factory("ps_levels")
def make_levels(nlp: Language, name: str) -> SpanRuler:
    ruler = SpanRuler(nlp, name=name, spans_key=LEVELS_KEY, overwrite=True)
    ruler.add_patterns(level_patterns())
    return ruler
