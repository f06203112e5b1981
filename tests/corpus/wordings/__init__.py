"""Wordings: one module per document kind, each wording tagged with its template family (tests/corpus/families.py).

A wording turns Facts into printed Blocks in Russian or Kazakh; it is written from the domain documents and from
how Kazakhstani certificates are worded, not from the pipeline's rules (issue 3: an honest test of them).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from tests.corpus.families import FAMILIES
from tests.corpus.model import Block, Facts, Writer


@dataclass(frozen=True)
class Wording:
    kind: str
    family: str
    name: str
    build: Callable[[Writer], list[Block | None]]


WORDINGS: list[Wording] = []


def wording(kind: str, family: str) -> Callable[[Callable[[Writer], list[Block | None]]], Callable]:
    def register(fn: Callable[[Writer], list[Block | None]]) -> Callable:
        WORDINGS.append(Wording(kind, family, f"{family}.{fn.__name__}", fn))
        return fn

    return register


def candidates(facts: Facts, families: list[str]) -> list[Wording]:
    """Wordings of this kind in the chosen families; paid online contests only in the online families."""
    online = facts.event is not None and facts.event.commercial
    return [
        w for w in WORDINGS if w.kind == facts.kind and w.family in families and FAMILIES[w.family].online == online
    ]


def choose(rng: random.Random, facts: Facts, families: list[str]) -> Wording | None:
    pool = candidates(facts, families)
    return rng.choice(pool) if pool else None


from tests.corpus.wordings import (  # noqa: E402  (modules register their wordings on import)
    awards,
    contests,
    courses,
    letters,
    office,
    publications,
    speeches,
)

__all__ = [
    "WORDINGS",
    "Wording",
    "awards",
    "candidates",
    "choose",
    "contests",
    "courses",
    "letters",
    "office",
    "publications",
    "speeches",
    "wording",
]
