"""Level of an event or issuer (domain.md, Levels): stage phrases, level adjectives, issuers through the
gazetteer, and the approved event's own level. Reads the spans of the NLP layer (classifiers/nlp): level cues
(`ps_levels`) and places (`ps_places`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from classifiers.lexicon import any_match, load
from classifiers.nlp.cues import LEVELS_KEY
from classifiers.nlp.places import LEVEL_OF
from models import Level

ISSUER_LINES = 10


def _earliest(doc: Doc, label: str) -> Level | None:
    spans = [s for s in doc.spans.get(LEVELS_KEY, []) if s.label_ == label]
    # The earliest cue, and of cues starting together the shortest: "областном этапе республиканской олимпиады"
    # is the regional stage, not the republican olympiad.
    best = min(spans, key=lambda s: (s.start, len(s)), default=None)
    return Level(best.id_) if best is not None else None


def _places(doc: Doc, end_char: int | None = None) -> list[Span]:
    return [e for e in doc.ents if e.label_ in LEVEL_OF and (end_char is None or e.start_char < end_char)]


def _republican_city(doc: Doc) -> bool:
    """Astana, Almaty and Shymkent are region level: their "городской этап" is a regional one."""
    return _republican_city_alone(_places(doc))


def _republican_city_alone(places: list[Span]) -> bool:
    """A city of republican significance named without one of its districts ("Абайского района города
    Шымкента" is a district's department)."""
    labels = {e.label_ for e in places}
    return "REP_CITY" in labels and "DISTRICT" not in labels


def _issuer_level(doc: Doc, header_end: int | None) -> Level | None:
    """The level of the issuer named in the header (above the title), else anywhere.

    A header may name the issuer's parent bodies too ("Отдел образования города Сатпаева управления образования
    Улытауской области"; "КГУ «СОШ № 5» отдела образования города Темиртау"): the lowest level named is the
    issuer's own. Without an issuer word, the first place named decides.
    """
    rules = load("levels")
    folded = doc._.folded
    for end in (header_end or _first_lines_end(folded, ISSUER_LINES), None):
        area = folded[:end] if end else folded
        places = _places(doc, end)
        for name in ("school", "district", "region", "republic"):
            if any_match(rules[f"{name}_issuers"], area):
                if name == "district" and _republican_city_alone(places):
                    return Level.region  # the education department of a city of republican significance
                return Level(name)
        if places:
            return LEVEL_OF[places[0].label_]
    return None


def _first_lines_end(folded: str, count: int) -> int:
    return sum(len(line) + 1 for line in folded.splitlines()[:count])


def classify_level(
    doc: Doc, event_levels: list[str] | None = None, header_end: int | None = None, by_issuer: bool = False
) -> tuple[Level, float]:
    """Level from a stage phrase, the approved event's only level, a level adjective, or the issuer's header
    (`header_end`: where the title line ends). `by_issuer`: the issuer's level comes first — an order's or a
    protocol's is the level of the body that decided (domain.md: "the council's level is the level")."""
    if by_issuer and (issuer := _issuer_level(doc, header_end)) is not None:
        return issuer, 0.8
    stage = _earliest(doc, "STAGE")
    if stage is not None:
        if stage is Level.district and _republican_city(doc):
            return Level.region, 0.85
        return stage, 0.95
    if event_levels and len(event_levels) == 1:
        return Level(event_levels[0]), 0.9
    adjective = _earliest(doc, "EVENT")
    if adjective is not None:
        if adjective is Level.district and _republican_city(doc):
            return Level.region, 0.8
        return adjective, 0.85
    issuer = _issuer_level(doc, header_end)
    if issuer is not None:
        return issuer, 0.7
    return Level.unknown, 0.2
