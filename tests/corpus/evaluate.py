"""Accuracy of an evidence.jsonl against a corpus truth file: per field, document recall, per flag.

python -m tests.corpus.evaluate --truth TRUTH.jsonl --evidence OUT/evidence.jsonl [--json METRICS.json]
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
import yaml
from rich.console import Console
from rich.table import Table

FIELDS = ["doc_type", "activity", "level", "result", "place", "issued_on", "hours", "person_name", "approved_list_id"]
HERE = Path(__file__).parent


def _norm(field: str, value: object) -> object:
    if field == "person_name" and isinstance(value, str):
        return " ".join(value.casefold().replace("ё", "е").split())
    return value


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(truth: list[dict], evidence: list[dict]) -> dict:
    got = {(r["portfolio_id"], r["source"], r["pages"][0]): r for r in evidence}
    files = {(t["portfolio_id"], t["source"]) for t in truth}
    files_with_record = {(r["portfolio_id"], r["source"]) for r in evidence}
    pairs = [(t, got.get((t["portfolio_id"], t["source"], t["pages"][0]))) for t in truth]
    metrics: dict = {
        "documents": len(truth),
        "document_recall": sum(1 for _, r in pairs if r) / max(1, len(truth)),
        "files_with_record": len(files & files_with_record) / max(1, len(files)),
        "fields": {},
        "flags": {},
    }
    for field in FIELDS:
        scored = [(t, r) for t, r in pairs if r is not None and field in t and (t[field] is not None or r.get(field))]
        ok = sum(1 for t, r in scored if _norm(field, t[field]) == _norm(field, r.get(field)))
        metrics["fields"][field] = {"accuracy": ok / len(scored) if scored else None, "n": len(scored)}
    all_flags = {f for t in truth for f in t["expected_flags"] + t["must_not_flag"]}
    for flag in sorted(all_flags):
        positives = [r for t, r in pairs if flag in t["expected_flags"]]
        negatives = [r for t, r in pairs if flag in t["must_not_flag"]]
        hit = sum(1 for r in positives if r and flag in r["flags"])
        false = sum(1 for r in negatives if r and flag in r["flags"])
        metrics["flags"][flag] = {
            "recall": hit / len(positives) if positives else None,
            "positives": len(positives),
            "fpr": false / len(negatives) if negatives else None,
            "negatives": len(negatives),
        }
    return metrics


def _summary(metrics: dict) -> dict:
    """One line of a breakdown: mean field accuracy and micro-averaged flag recall and false-positive rate."""
    accs = [m["accuracy"] for m in metrics["fields"].values() if m["accuracy"] is not None]
    flags = metrics["flags"].values()
    positives = sum(m["positives"] for m in flags)
    negatives = sum(m["negatives"] for m in flags)
    hits = sum(round(m["recall"] * m["positives"]) for m in flags if m["recall"] is not None)
    false = sum(round(m["fpr"] * m["negatives"]) for m in flags if m["fpr"] is not None)
    return {
        "documents": metrics["documents"],
        "document_recall": metrics["document_recall"],
        "field_accuracy": sum(accs) / len(accs) if accs else None,
        "flag_recall": hits / positives if positives else None,
        "flag_fpr": false / negatives if negatives else None,
        **{f: metrics["fields"][f]["accuracy"] for f in ("doc_type", "level", "result", "issued_on", "person_name")},
    }


def by_family(truth: list[dict], evidence: list[dict]) -> dict:
    """Per template family (tests/corpus/families.py), and the held-out families against the seen ones."""
    if not any("family" in t for t in truth):
        return {}
    out: dict = {"families": {}}
    for family in sorted({t.get("family") for t in truth if t.get("family")}):
        subset = [t for t in truth if t.get("family") == family]
        out["families"][family] = {"holdout": bool(subset[0].get("holdout")), **_summary(evaluate(subset, evidence))}
    for group, wanted in (("holdout", True), ("seen", False)):
        subset = [t for t in truth if bool(t.get("holdout")) is wanted]
        if subset:
            out[group] = evaluate(subset, evidence)
            out[group]["summary"] = _summary(out[group])
    return out


def errors(truth: list[dict], evidence: list[dict]) -> list[dict]:
    """Every field and flag the pipeline got wrong, with the document's family and text excerpt (the work list)."""
    got = {(r["portfolio_id"], r["source"], r["pages"][0]): r for r in evidence}
    out = []
    for t in truth:
        r = got.get((t["portfolio_id"], t["source"], t["pages"][0]))
        where = {
            "doc": f"{t['portfolio_id']}/{t['source']}#{t['pages'][0]}",
            "family": t.get("family"),
            "wording": t.get("wording"),
        }
        excerpt = (r or {}).get("text_excerpt", "")
        if r is None:
            out.append({**where, "field": "document", "expected": "a record", "got": None, "excerpt": ""})
            continue
        for field in FIELDS:
            if (
                field in t
                and (t[field] is not None or r.get(field))
                and _norm(field, t[field]) != _norm(field, r.get(field))
            ):
                out.append({**where, "field": field, "expected": t[field], "got": r.get(field), "excerpt": excerpt})
        for flag in t["expected_flags"]:
            if flag not in r["flags"]:
                out.append(
                    {**where, "field": f"flag {flag}", "expected": "raised", "got": "missed", "excerpt": excerpt}
                )
        for flag in t["must_not_flag"]:
            if flag in r["flags"]:
                reason = (r.get("flag_reasons") or {}).get(flag, "")
                out.append(
                    {**where, "field": f"flag {flag}", "expected": "not raised", "got": reason, "excerpt": excerpt}
                )
    return out


def _verdicts(metrics: dict) -> dict[str, bool | None]:
    limits = yaml.safe_load((HERE / "thresholds.yaml").read_text(encoding="utf-8"))
    verdicts: dict[str, bool | None] = {}
    for field, minimum in limits["fields"].items():
        acc = metrics["fields"][field]["accuracy"]
        verdicts[field] = None if acc is None else acc >= minimum
    for group in ("flags_strict", "flags_loose"):
        for flag in limits[group]["flags"]:
            m = metrics["flags"].get(flag)
            if not m or m["recall"] is None:
                verdicts[flag] = None
                continue
            verdicts[flag] = m["recall"] >= limits[group]["recall"] and (m["fpr"] or 0) <= limits[group]["fpr"]
    return verdicts


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def main(
    truth: Path = typer.Option(...),
    evidence: Path = typer.Option(...),
    json_out: Path | None = typer.Option(None, "--json"),
    errors_out: Path | None = typer.Option(None, "--errors", help="write every wrong field/flag as JSONL"),
    strict: bool = False,
) -> None:
    truth_lines, evidence_lines = _load(truth), _load(evidence)
    metrics = evaluate(truth_lines, evidence_lines)
    metrics["pass"] = _verdicts(metrics)
    metrics["summary"] = _summary(metrics)
    metrics["by_family"] = by_family(truth_lines, evidence_lines)
    console = Console()
    table = Table(
        title=f"fields ({metrics['documents']} documents, recall {metrics['document_recall']:.3f}, "
        f"files with a record {metrics['files_with_record']:.3f})"
    )
    for column in ("field", "accuracy", "n", "pass"):
        table.add_column(column)
    for field, m in metrics["fields"].items():
        table.add_row(field, _fmt(m["accuracy"]), str(m["n"]), str(metrics["pass"].get(field, "")))
    console.print(table)
    flags = Table(title="flags")
    for column in ("flag", "recall", "positives", "FPR", "negatives", "pass"):
        flags.add_column(column)
    for flag, m in metrics["flags"].items():
        flags.add_row(
            flag,
            _fmt(m["recall"]),
            str(m["positives"]),
            _fmt(m["fpr"]),
            str(m["negatives"]),
            str(metrics["pass"].get(flag, "")),
        )
    console.print(flags)
    _print_families(console, metrics)
    if errors_out:
        lines = errors(truth_lines, evidence_lines)
        errors_out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines), encoding="utf-8")
    if json_out:
        json_out.write_text(json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf-8")
    if strict and not all(v for v in metrics["pass"].values() if v is not None):
        raise typer.Exit(1)


def _print_families(console: Console, metrics: dict) -> None:
    breakdown = metrics.get("by_family") or {}
    if not breakdown:
        return
    columns = (
        "documents",
        "document_recall",
        "field_accuracy",
        "doc_type",
        "level",
        "result",
        "issued_on",
        "person_name",
        "flag_recall",
        "flag_fpr",
    )
    table = Table(title="by template family (holdout = families the rules were not developed on)")
    for column in ("family", "holdout", *columns):
        table.add_column(column)
    rows = [(name, m) for name, m in breakdown["families"].items()]
    rows += [
        (f"ALL {g.upper()}", {"holdout": g == "holdout", **breakdown[g]["summary"]})
        for g in ("seen", "holdout")
        if g in breakdown
    ]
    rows.append(("ALL", {"holdout": "", **metrics["summary"]}))
    for name, m in rows:
        table.add_row(name, str(m["holdout"]), *(str(m[c]) if c == "documents" else _fmt(m[c]) for c in columns))
    console.print(table)


if __name__ == "__main__":
    typer.run(main)
