"""The naive baseline: what a user would write without this project.

Every page through the `tesseract` CLI at 300 dpi with `rus+kaz`, one page after another in one process, with
Tesseract's default threads (no OMP_THREAD_LIMIT); PDFs rasterised with `pdftoppm -r 300` (its default PPM output),
photos given to Tesseract as they are. It OCRs born-digital PDFs too: a user's loop does not look for a text layer.

python -m bench.naive BATCH TEXTS.jsonl RESULT.json      # the loop itself, in its own process (run_naive below)

Field accuracy is measured on the loop's text with our own field extractors (`naive_evidence`), so what differs
from the pipeline is how the text is read, not how it is interpreted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import typer

from bench.procfs import Descendants

IMAGE_SUFFIXES = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png"}


def _tesseract(image: Path) -> str:
    done = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", "rus+kaz"], capture_output=True, text=True, check=False
    )
    return done.stdout


def loop(batch: Path, texts: Path) -> dict[str, object]:
    """OCR every page of every file; the text of each page goes to `texts` (one JSON line per page)."""
    rasterise_s = ocr_s = 0.0
    pages = files = 0
    started, cpu = time.perf_counter(), os.times()
    with (
        texts.open("w", encoding="utf-8") as sink,
        tempfile.TemporaryDirectory(prefix="naive-") as tmp,
        Descendants() as children,
    ):
        for path in sorted(p for p in batch.rglob("*") if p.is_file() and p.name != "portfolio.json"):
            files += 1
            if path.suffix.lower() == ".pdf":
                t0 = time.perf_counter()
                prefix = Path(tmp) / f"f{files}"
                # pdftoppm's default output, PPM: with -png it spends ≈ 13 s per 300-dpi page compressing the
                # scanner noise (0.2 s for PPM), which would make the baseline slower than a user's loop need be.
                subprocess.run(["pdftoppm", "-r", "300", str(path), str(prefix)], check=False)
                rasterise_s += time.perf_counter() - t0
                # pdftoppm names pages prefix-1.ppm … prefix-N.ppm, zero-padded to N's width: sort by number.
                images = sorted(Path(tmp).glob(f"f{files}-*.ppm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            else:
                images = [path]
            for number, image in enumerate(images, start=1):
                t0 = time.perf_counter()
                text = _tesseract(image)
                ocr_s += time.perf_counter() - t0
                pages += 1
                line = {"portfolio_id": path.parent.name, "source": path.name, "page": number, "text": text}
                sink.write(json.dumps(line, ensure_ascii=False) + "\n")
                if image.parent == Path(tmp):
                    image.unlink()
    wall, cpu_end = time.perf_counter() - started, os.times()
    children_cpu = cpu_end.children_user - cpu.children_user + cpu_end.children_system - cpu.children_system
    return {
        "files": files,
        "pages": pages,
        "wall_s": round(wall, 2),
        "rasterise_s": round(rasterise_s, 2),
        "ocr_s": round(ocr_s, 2),
        "pages_per_s": round(pages / wall, 3) if wall > 0 else None,
        "children_cpu_s": round(children_cpu, 2),  # Tesseract and pdftoppm
        "cpu_s_per_page": round(children_cpu / pages, 3) if pages else None,
        "cores_used": round(children_cpu / wall, 2) if wall > 0 else None,
        "tesseract_peak_rss_mib": children.peaks.get("tesseract"),
        "pdftoppm_peak_rss_mib": children.peaks.get("pdftoppm"),
    }


def run_naive(batch: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run the loop in a child process (its getrusage sees only the loop's children) without OMP_THREAD_LIMIT."""
    work.mkdir(parents=True, exist_ok=True)
    texts, result = work / "texts.jsonl", work / "naive.json"
    env = {k: v for k, v in env.items() if k != "OMP_THREAD_LIMIT"}  # the Makefile exports it; a user has none
    load = os.getloadavg()[0]
    with (work / "naive.log").open("w") as log:
        subprocess.run(
            [sys.executable, "-m", "bench.naive", str(batch), str(texts), str(result)],
            env=env,
            stdout=log,
            stderr=log,
            check=True,
        )
    figures: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    figures.update(texts=str(texts), load_avg_1m=round(load, 2))
    return figures


def naive_evidence(texts: Path, batch: Path) -> list[dict]:
    """Evidence records from the naive text: one document per page, fields by our extractors (untimed)."""
    from classifiers import extract_fields
    from models import Document, Manifest, Page
    from models.enums import FileKind, TextSource
    from pipeline.records import build_record

    applicants: dict[str, str | None] = {}
    records: list[dict] = []
    for raw in texts.read_text(encoding="utf-8").splitlines():
        page = json.loads(raw)
        pid = page["portfolio_id"]
        if pid not in applicants:
            manifest = batch / pid / "portfolio.json"
            applicants[pid] = (
                Manifest.model_validate_json(manifest.read_text(encoding="utf-8")).applicant.full_name
                if manifest.exists()
                else None
            )
        kind = FileKind(IMAGE_SUFFIXES.get(Path(page["source"]).suffix.lower(), "pdf"))
        document = Document(
            portfolio_id=pid,
            source=page["source"],
            file_kind=kind,
            file_sha256="",
            pages=[Page(number=page["page"], text=page["text"], text_source=TextSource.ocr)],
        )
        records.append(build_record(document, extract_fields(document, applicants[pid])).model_dump(mode="json"))
    return records


def main(batch: Path, texts: Path, result: Path) -> None:
    result.write_text(json.dumps(loop(batch, texts), indent=1), encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
