"""Rubrics as data (data/rubrics/<edition>.yaml): loading, editions that extend others, required levels."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from models import Activity, Category, Level, OrganizationType, Position
from pipeline.config import DATA_DIR

RUBRICS = DATA_DIR / "rubrics"


@cache
def edition(name: str) -> dict[str, Any]:
    path = RUBRICS / f"{name}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in RUBRICS.glob("*.yaml")))
        raise ValueError(f"unknown rules edition {name!r}; known: {known}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "extends" in data:
        base = dict(edition(str(data["extends"])))
        base.update({k: v for k, v in data.items() if k != "extends"})
        return base
    return data


def position_rubric(position: Position, name: str = "2025") -> dict[str, Any]:
    return edition(name)["positions"][position.value]


def indicator_for(position: Position, activity: Activity, name: str = "2025") -> tuple[str, dict[str, Any]] | None:
    for code, rule in position_rubric(position, name)["indicators"].items():
        if rule["activity"] == activity.value:
            return code, rule
    return None


def threshold(position: Position, organization_type: OrganizationType | None, category: Category, name: str) -> float:
    rubric = position_rubric(position, name)
    org = organization_type.value if organization_type else "school"
    table = rubric.get(f"{org}_thresholds") or rubric["thresholds"]
    return float(table[category.value])


def required_level(
    position: Position,
    organization_type: OrganizationType | None,
    category: Category,
    activity: Activity,
    edition_name: str = "2025",
) -> tuple[str | None, Level | None]:
    """(indicator, the lowest level the claimed category accepts for it).

    domain.md, "Which level each category needs"; seed 002_… appendix 8.
    """
    found = indicator_for(position, activity, edition_name)
    if found is None:
        return None, None
    code, rule = found
    needed = (rule.get("required_level") or {}).get(category.value)
    return code, Level(needed) if needed else None
