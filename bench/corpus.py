"""The bench corpus: batches from the corpus generator, split into a scanned batch and a born-digital batch.

Each rate needs its own batch: a batch that mixes them gives one pages/s that says little about either. The split
goes by the truth's `format` field, file by file, and each half keeps its portfolios' `portfolio.json` so names,
periods and levels are checked as in a real run. Files that are neither (DOCX, encrypted and truncated PDFs) have
no page a naive Tesseract loop could read and are left out of both halves.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

# Scanned pages: everything the pipeline rasterises and OCRs (phone photos and the unreadable "severe" scans too: a
# real batch has them, and both the pipeline and the naive loop pay for them).
SCANNED_FORMATS = frozenset({"scan", "photo_pdf", "jpeg", "png", "severe", "poor"})
DIGITAL_FORMATS = frozenset({"digital"})
# Families printed straight to PDF most often (tests/corpus/families.py: born_digital 0.3–0.5): the born-digital
# batch needs ≈ 20 pages, and the "all" families give only ≈ 1 in 15 documents born digital.
DIGITAL_FAMILIES = "online_ribbon,online_modern,orleu_course,gorono_office,bilingual_official"


@dataclass(frozen=True)
class Generation:
    seed: int  # never 914202: that is the held-out evaluation's seed (Makefile EVAL_SEED)
    portfolios: int
    families: str
    scanned: bool  # its scanned files go into the scanned batch (its born-digital files always go)


@dataclass(frozen=True)
class CorpusPlan:
    generations: tuple[Generation, ...]
    max_scanned_pages: int | None = None  # caps for the quick mode: the first files up to this many pages
    max_digital_pages: int | None = None


# ≈ 76 scanned pages (all template families) and ≈ 22 born-digital pages: the naive loop alone takes ≈ 6 min.
FULL = CorpusPlan((Generation(20260, 14, "all", scanned=True), Generation(20261, 8, DIGITAL_FAMILIES, scanned=False)))
# 2 portfolios, then 1 scanned page and 1 born-digital page kept: every phase runs, in seconds.
QUICK = CorpusPlan((Generation(20261, 2, DIGITAL_FAMILIES, scanned=True),), max_scanned_pages=1, max_digital_pages=1)


@dataclass
class Batch:
    name: str
    path: Path
    truth_path: Path
    files: int
    pages: int
    documents: int

    def summary(self) -> dict[str, object]:
        return {"path": str(self.path), "files": self.files, "pages": self.pages, "documents": self.documents}


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _files(truth: list[dict]) -> dict[tuple[str, str], list[dict]]:
    by_file: dict[tuple[str, str], list[dict]] = {}
    for line in truth:
        by_file.setdefault((line["portfolio_id"], line["source"]), []).append(line)
    return by_file


def _pages(lines: list[dict]) -> int:
    # Every generated document is one page, so a file's pages are its documents' highest page number.
    return max(max(line["pages"]) for line in lines)


def _choose(
    by_file: dict[tuple[str, str], list[dict]], formats: frozenset[str], cap: int | None
) -> list[tuple[str, str]]:
    chosen = sorted(key for key, lines in by_file.items() if lines[0]["format"] in formats)
    if cap is None:
        return chosen
    # Quick mode: plain scans first (a "severe" page can keep Tesseract busy for a minute), then up to `cap` pages.
    chosen.sort(key=lambda key: (by_file[key][0]["format"] != "scan", key))
    kept: list[tuple[str, str]] = []
    pages = 0
    for key in chosen:
        if pages + _pages(by_file[key]) <= cap:
            kept.append(key)
            pages += _pages(by_file[key])
    return kept


def _write_batch(name: str, dest: Path, picked: list[tuple[Path, dict[tuple[str, str], list[dict]]]]) -> Batch:
    root, truth_path = dest / name, dest / f"{name}-truth.jsonl"
    truth: list[dict] = []
    pages = files = 0
    for batch_dir, by_file in picked:
        for (pid, source), lines in by_file.items():
            folder = root / pid
            folder.mkdir(parents=True, exist_ok=True)
            manifest = batch_dir / pid / "portfolio.json"
            if manifest.exists() and not (folder / "portfolio.json").exists():
                shutil.copyfile(manifest, folder / "portfolio.json")
            shutil.copyfile(batch_dir / pid / source, folder / source)
            truth.extend(lines)
            pages += _pages(lines)
            files += 1
    truth_path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in truth), encoding="utf-8")
    return Batch(name, root, truth_path, files, pages, len(truth))


def build_corpus(plan: CorpusPlan, dest: Path) -> tuple[dict[str, Batch], dict[str, object]]:
    """Generate every batch of the plan under dest/gen-SEED and split them into dest/scanned and dest/born_digital."""
    from tests.corpus.generate import generate  # the generator imports reportlab and fonts: only when building

    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    started = time.perf_counter()
    scanned: list[tuple[Path, dict[tuple[str, str], list[dict]]]] = []
    digital: list[tuple[Path, dict[tuple[str, str], list[dict]]]] = []
    excluded = 0
    for gen in plan.generations:
        batch_dir, truth_path = dest / f"gen-{gen.seed}" / "batch", dest / f"gen-{gen.seed}" / "truth.jsonl"
        generate(batch_dir, truth_path, gen.seed, gen.portfolios, gen.families)
        by_file = _files(_load(truth_path))
        scan_keys = _choose(by_file, SCANNED_FORMATS, plan.max_scanned_pages) if gen.scanned else []
        digital_keys = _choose(by_file, DIGITAL_FORMATS, plan.max_digital_pages)
        scanned.append((batch_dir, {k: by_file[k] for k in scan_keys}))
        digital.append((batch_dir, {k: by_file[k] for k in digital_keys}))
        excluded += sum(
            1 for k, lines in by_file.items() if lines[0]["format"] not in SCANNED_FORMATS | DIGITAL_FORMATS
        )
    batches = {
        "scanned": _write_batch("scanned", dest, scanned),
        "born_digital": _write_batch("born_digital", dest, digital),
    }
    info: dict[str, object] = {
        "generations": [gen.__dict__ for gen in plan.generations],
        "generate_s": round(time.perf_counter() - started, 2),
        "excluded_files": excluded,  # DOCX, encrypted, truncated: no page for a naive Tesseract loop
        **{name: batch.summary() for name, batch in batches.items()},
    }
    return batches, info
