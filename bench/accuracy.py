"""Field accuracy and the acceptance thresholds, scored by tests/corpus/evaluate.py's own functions."""

from __future__ import annotations

import json
from pathlib import Path

from tests.corpus.evaluate import _verdicts, evaluate


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fields(truth: list[dict], evidence: list[dict]) -> dict[str, dict[str, float | int | None]]:
    """Per-field accuracy and the number of documents it was scored on."""
    return evaluate(truth, evidence)["fields"]


def mean_accuracy(scores: dict[str, dict[str, float | int | None]]) -> float | None:
    values = [float(s["accuracy"]) for s in scores.values() if s["accuracy"] is not None]
    return round(sum(values) / len(values), 4) if values else None


def thresholds(truth: list[dict], evidence: list[dict]) -> dict[str, object]:
    """The pipeline on the whole bench corpus against tests/corpus/thresholds.yaml (fields and flags).

    `pass` maps each threshold to True/False, or None when the corpus has nothing to score it on.
    """
    metrics = evaluate(truth, evidence)
    verdicts = _verdicts(metrics)
    return {
        "documents": metrics["documents"],
        "document_recall": metrics["document_recall"],
        "fields": metrics["fields"],
        "flags": metrics["flags"],
        "pass": verdicts,
        "all_met": all(v for v in verdicts.values() if v is not None),
    }


def compare(truth: list[dict], ours: list[dict], naive: list[dict]) -> dict[str, object]:
    """Ours against the naive loop on one batch, field by field (flags are not comparable: the loop has no checks)."""
    mine, theirs = fields(truth, ours), fields(truth, naive)
    return {
        "ours": mine,
        "naive": theirs,
        "ours_mean": mean_accuracy(mine),
        "naive_mean": mean_accuracy(theirs),
    }
