"""Building the spaCy pipelines from data/nlp/pipelines.yaml and running them on a document's text."""

from __future__ import annotations

from functools import cache, lru_cache

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from classifiers.language import language_of
from classifiers.nlp import cues, persons, places, tokens  # noqa: F401  (importing registers the components)
from classifiers.normalize import join_hyphenation
from pipeline.config import DATA_DIR

NLP_DIR = DATA_DIR / "nlp"


@cache
def _config() -> dict:
    return yaml.safe_load((NLP_DIR / "pipelines.yaml").read_text(encoding="utf-8"))


@cache
def pipeline_for(language: str) -> Language:
    """The pipeline for "ru" or "kk" ("mixed" and unknown documents read as Russian: their prose is)."""
    spec = _config()["kk" if language == "kk" else "ru"]
    nlp = spacy.blank(spec["lang"])
    for component in spec["components"]:
        nlp.add_pipe(component["name"], config=component.get("config") or {})
    # No nlp.initialize(): these are rule components (their patterns come at construction), and initialize()
    # would reset the rulers to empty.
    if "lemmatizer" in nlp.pipe_names:
        _cache_parses(nlp.get_pipe("lemmatizer"))
    return nlp


def _cache_parses(lemmatizer: object) -> None:
    """Without a tagger the pymorphy3 lemmatizer's result depends on the word alone, and documents repeat their
    words (one template's wording over and over): its analyses are cached per word (measured on born-digital
    documents: 23 ms a Russian document uncached, the largest single cost of reading one)."""
    morph = getattr(lemmatizer, "_morph", None)
    if morph is not None:
        morph.parse = lru_cache(maxsize=200_000)(morph.parse)


def analyse(text: str, language: str | None = None) -> Doc:
    """Run the document's pipeline. Character offsets in the Doc match `fold(text)` (hyphenation is joined first,
    as fold does), so spans and folded-text rules can be combined."""
    language = language or language_of(text) or "ru"
    doc = pipeline_for(language)(join_hyphenation(text))
    doc._.language = language
    return doc
