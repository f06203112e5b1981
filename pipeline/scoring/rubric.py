"""Rubrics as data (data/rubrics/<edition>.yaml): loading, editions that extend others, required levels.

A rubric is resolved for one position, organisation type and variant: the thresholds, course-hour table and
indicators that apply to that applicant. The rules themselves live in the YAML files, each citing its seed.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from models import Activity, Category, Level, OrganizationType, Position
from pipeline.config import DATA_DIR

RUBRICS = DATA_DIR / "rubrics"
DEFAULT_EDITION = "2025"


class Indicator(BaseModel):
    code: str
    title: str = ""
    source: str = ""  # the seed and row the rule comes from
    seed_code: str | None = None  # the number a 2025 seed gives the same indicator, when it differs
    activities: list[Activity]
    kind: Literal["level", "hours", "publication", "count"]
    required_level: dict[Category, Level] = Field(default_factory=dict)
    level_points: dict[Level, float] = Field(default_factory=dict)
    winner_bonus: float = 0
    approved_only: bool = False
    points: dict[Category, float] = Field(default_factory=dict)  # hours / publication: points per category
    coauthor_points: float | None = None
    max_authors: int | None = None
    indexed_points: float | None = None
    per_item: dict[Category, float] = Field(default_factory=dict)
    cap: dict[Category, float] = Field(default_factory=dict)
    min_hours: dict[Category, int] = Field(default_factory=dict)  # already resolved for the organisation type

    def applies_to(self, category: Category) -> bool:
        """Whether the sheet gives this category a value here ("—" cells do not: seed 002_… 3.1, 3.3)."""
        if self.kind == "level":
            return category in self.required_level
        if self.kind == "hours":
            return category in self.min_hours
        if self.kind == "publication":
            return category in self.points
        return category in self.per_item


class Rubric(BaseModel):
    edition: str
    title: str = ""
    position: Position
    organization_type: OrganizationType
    variant: str | None = None
    source: str = ""
    aggregate: Literal["highest", "sum"] = "highest"
    required_mode: Literal["all", "courses"] = "all"
    min_confidence: float = 0.5
    categories: list[Category]
    thresholds: dict[Category, float]
    indicators: dict[str, Indicator]
    not_assessed: dict[str, str] = Field(default_factory=dict)
    indexed_words: list[str] = Field(default_factory=list)
    stage_words: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def indicator_for(self, activity: Activity) -> Indicator | None:
        return next((ind for ind in self.indicators.values() if activity in ind.activities), None)

    def required(self, category: Category) -> list[str]:
        """Indicators the category must show (seeds 000_…, 001_…, 004_…: "all criteria are obligatory")."""
        codes = [code for code, ind in self.indicators.items() if ind.applies_to(category)]
        if self.required_mode == "courses":
            return [code for code in codes if self.indicators[code].kind == "hours"]
        return codes

    def rank(self, category: Category) -> int:
        return self.categories.index(category)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep merge; a null value in the overriding edition removes the key."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def editions() -> list[str]:
    return sorted(p.stem for p in RUBRICS.glob("*.yaml"))


@cache
def edition_data(name: str) -> dict[str, Any]:
    path = RUBRICS / f"{name}.yaml"
    if not path.exists():
        raise ValueError(f"unknown rules edition {name!r}; known: {', '.join(editions())}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "extends" in data:
        data = _merge(edition_data(str(data.pop("extends"))), data)
    return data


def resolve_variant(position: Position, variant: str | None, edition: str = DEFAULT_EDITION) -> str | None:
    """The rubric variant named by a manifest's free `variant`/`role` field (aliases in the data)."""
    if not variant:
        return None
    wanted = variant.strip().lower()
    for name, spec in edition_data(edition)["positions"][position.value].get("variants", {}).items():
        if wanted == name or wanted in [a.lower() for a in spec.get("aliases", [])]:
            return name
    return None


@cache
def load_rubric(
    position: Position,
    organization_type: OrganizationType | None = None,
    edition: str = DEFAULT_EDITION,
    variant: str | None = None,
) -> Rubric:
    data = edition_data(edition)
    pos = data["positions"][position.value]
    org = organization_type or OrganizationType.school
    name = resolve_variant(position, variant, edition)
    spec = pos.get("variants", {}).get(name, {}) if name else {}
    thresholds = spec.get("thresholds") or pos.get("thresholds_by_org", {}).get(org.value) or pos["thresholds"]
    hours_org = spec.get("hours_table") or org.value
    indicators = {}
    for code, raw in pos["indicators"].items():
        if code in spec.get("drop", []):
            continue
        raw = dict(raw)
        by_org = raw.pop("min_hours_by_org", {}) or {}
        if raw.get("kind") == "hours":
            raw["min_hours"] = by_org.get(hours_org) or raw.get("min_hours", {})
        indicators[code] = Indicator(code=code, **raw)
    return Rubric(
        edition=str(data["edition"]),
        title=data.get("title", ""),
        position=position,
        organization_type=org,
        variant=name,
        source=pos.get("source", ""),
        aggregate=data.get("aggregate", "highest"),
        required_mode=data.get("required", "all"),
        min_confidence=float(data.get("min_confidence", 0.5)),
        categories=pos["categories"],
        thresholds=thresholds,
        indicators=indicators,
        not_assessed=pos.get("not_assessed", {}),
        indexed_words=data.get("indexed_words", []),
        stage_words=data.get("stage_words", []),
        notes=data.get("notes", []),
    )


def required_level(
    position: Position,
    organization_type: OrganizationType | None,
    category: Category,
    activity: Activity,
    edition: str = DEFAULT_EDITION,
) -> tuple[str | None, Level | None]:
    """(indicator code, the lowest level the claimed category accepts for it); (None, None) when ungraded.

    domain.md, "Which level each category needs"; seed 002_… appendices 8 and 11; seed 004_….
    """
    rubric = load_rubric(position, organization_type, edition)
    indicator = rubric.indicator_for(activity)
    if indicator is None or indicator.kind not in ("level", "count"):
        return None, None
    return indicator.code, indicator.required_level.get(category)
