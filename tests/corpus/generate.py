"""Generate a portfolio batch in the contract layout with exact ground truth (issue 3).

python -m tests.corpus.generate --out BATCH --truth TRUTH.jsonl --seed N --portfolios K
python -m tests.corpus.generate --sample          # the committed samples/batch + samples/truth.jsonl
"""

from __future__ import annotations

import io
import json
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import typer
from PIL import Image

from tests.corpus import documents as D
from tests.corpus.pack import born_digital_pdf, docx_file, encrypt, jpeg, scanned_pdf, truncate
from tests.corpus.render import render, scan

REPO = Path(__file__).resolve().parents[2]
TEACHERS_RU = ["Ахметова Динара Ерлановна", "Петренко Ольга Викторовна", "Кузнецов Игорь Сергеевич"]
TEACHERS_KK = ["Сейткали Айгерім Нұрланқызы", "Омаров Бауыржан Серікұлы", "Әбенова Гүлнар Маратқызы"]
ALL_FLAGS = [
    "not_pdf",
    "unreadable",
    "encrypted",
    "low_ocr_confidence",
    "not_in_approved_list",
    "commercial_organizer",
    "level_below_claimed",
    "name_mismatch",
    "outside_period",
    "missing_stamp",
    "missing_signature",
    "duplicate",
    "possible_tampering",
]
# Required level per category for the level-graded teacher indicators (domain.md; seed 002_… appendix 8).
REQUIRED = {"moderator": 1, "expert": 2, "researcher": 3, "master": 4}
DEFECTS = [
    "unlisted_event",
    "outside_period",
    "wrong_person",
    "no_stamp",
    "non_pdf",
    "encrypted_pdf",
    "truncated_pdf",
    "unreadable_scan",
    "reused_scan",
]
RANK = {"school": 1, "district": 2, "region": 3, "republic": 4, "international": 4, "unknown": 0}


def _date_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _plan(rng: random.Random, applicant: str, kk: bool, period: tuple[date, date]) -> list[tuple[str, D.Doc]]:
    """(kind of file, document) for one portfolio: mostly clean evidence, some defects."""
    inside = lambda: _date_in(rng, period[0], period[1])  # noqa: E731
    docs = [
        ("scan", D.olympiad_diploma(rng, applicant, inside(), rng.choice(["district", "region", "republic"]), kk)),
        ("scan", D.course_certificate(rng, applicant, inside(), kk)),
        ("digital", D.protocol_extract(rng, applicant, inside(), rng.choice(["district", "region"]))),
        ("multi", D.jury_order(rng, applicant, inside(), "region")),
        ("multi", D.gratitude_letter(rng, applicant, inside(), "region")),
    ]
    defect = rng.choice(DEFECTS)
    if defect == "unlisted_event":
        docs.append(("scan", D.paid_contest_diploma(rng, applicant, inside())))
    elif defect == "outside_period":
        doc = D.course_certificate(rng, applicant, period[0] - timedelta(days=rng.randint(60, 400)), kk)
        doc.defects.append("outside_period")
        docs.append(("scan", doc))
    elif defect == "wrong_person":
        doc = D.course_certificate(rng, "Жанузакова Салтанат Бериковна", inside(), False)
        doc.defects.append("wrong_person")
        docs.append(("scan", doc))
    elif defect == "no_stamp":
        doc = D.olympiad_diploma(rng, applicant, inside(), "region", kk)
        doc.defects.append("no_stamp")
        docs.append(("scan", doc))
    elif defect == "non_pdf":
        docs.append((rng.choice(["jpeg", "docx"]), D.course_certificate(rng, applicant, inside(), kk)))
    elif defect == "truncated_pdf":
        docs.append(("truncated", D.course_certificate(rng, applicant, inside(), kk)))
    elif defect == "unreadable_scan":
        docs.append(("severe", D.course_certificate(rng, applicant, inside(), kk)))
    else:
        docs.append(("encrypted", D.course_certificate(rng, applicant, inside(), kk)))
    return docs


def _expected(doc: D.Doc, kind: str, category: str, period: tuple[date, date]) -> list[str]:
    t = doc.truth
    flags = set()
    if kind in ("jpeg", "docx"):
        flags.add("not_pdf")
    if kind == "encrypted":
        return ["encrypted"]
    if kind == "truncated":
        return ["unreadable"]
    if kind == "severe":
        flags.add("low_ocr_confidence")
    if "unlisted_event" in doc.defects:
        flags |= {"not_in_approved_list", "commercial_organizer"}
    if "wrong_person" in doc.defects:
        flags.add("name_mismatch")
    if "no_stamp" in doc.defects:
        flags.add("missing_stamp")
    if t["issued_on"] and not period[0] <= date.fromisoformat(t["issued_on"]) <= period[1]:
        flags.add("outside_period")
    if t["activity"] not in (None, "course", "publication", "dissemination") and RANK[t["level"]] < REQUIRED[category]:
        flags.add("level_below_claimed")
    return sorted(flags)


def generate(out: Path, truth_path: Path, seed: int, portfolios: int) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    truth_lines = []
    used: set[str] = set()
    for index in range(portfolios):
        kk = rng.random() < 0.4
        pool = [t for t in (TEACHERS_KK if kk else TEACHERS_RU) if t not in used] or (
            TEACHERS_KK if kk else TEACHERS_RU
        )
        applicant = rng.choice(pool)
        used.add(applicant)
        pid = f"P{seed % 1000:03d}-{index + 1:02d}"
        folder = out / pid
        folder.mkdir()
        period = (date(2021, 9, 1), date(2025, 5, 31))
        category = rng.choice(["expert", "researcher", "master"])
        manifest = {
            "applicant": {"full_name": applicant, "iin": f"{rng.randint(10**11, 10**12 - 1)}"},
            "position": "teacher",
            "organization_type": "school",
            "claimed_category": category,
            "period": {"from": period[0].isoformat(), "to": period[1].isoformat()},
        }
        (folder / "portfolio.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        plan = _plan(rng, applicant, kk, period)
        multi = [d for k, d in plan if k == "multi"]
        n = 0
        for kind, doc in plan:
            if kind == "multi":
                continue
            n += 1
            stamp = "no_stamp" not in doc.defects
            if kind == "digital":
                name, data = f"{n:02d}_document.pdf", born_digital_pdf([doc])
            elif kind == "jpeg":
                name, data = f"{n:02d}_photo.jpg", jpeg(scan(render(doc, rng, stamp), rng))
            elif kind == "docx":
                name, data = f"{n:02d}_document.docx", docx_file(doc)
            elif kind == "truncated":
                name, data = f"{n:02d}_broken.pdf", truncate(scanned_pdf([scan(render(doc, rng, stamp), rng)]))
            elif kind == "severe":
                name, data = f"{n:02d}_scan.pdf", scanned_pdf([scan(render(doc, rng, stamp), rng, severe=True)])
            elif kind == "encrypted":
                name, data = f"{n:02d}_protected.pdf", encrypt(scanned_pdf([scan(render(doc, rng, stamp), rng)]))
            else:
                page = render(doc, rng, stamp)
                scanned = scan(page, rng)
                if not stamp and scanned.mode == "L":
                    scanned = scanned.convert("RGB")
                name, data = f"{n:02d}_scan.pdf", scanned_pdf([scanned])
            (folder / name).write_bytes(data)
            truth_lines.append(_truth(pid, name, [1], doc, kind, category, period))
        if multi:
            name = f"{n + 1:02d}_bundle.pdf"
            (folder / name).write_bytes(scanned_pdf([scan(render(d, rng), rng) for d in multi]))
            for page_no, doc in enumerate(multi, start=1):
                truth_lines.append(_truth(pid, name, [page_no], doc, "multi", category, period))
    _reuse_scans(rng, out, truth_lines)
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    truth_path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in truth_lines), encoding="utf-8")


def _reuse_scans(rng: random.Random, out: Path, truth_lines: list[dict]) -> None:
    """The same scan submitted in two portfolios (defect reused_scan): copied, sometimes re-compressed."""
    portfolios = sorted({t["portfolio_id"] for t in truth_lines})
    if len(portfolios) < 2:
        return
    donors = [t for t in truth_lines if t["source"].endswith("_scan.pdf") and not t["defect"] and t["pages"] == [1]]
    for donor in rng.sample(donors, k=max(1, len(portfolios) // 5)):
        target = rng.choice([p for p in portfolios if p != donor["portfolio_id"]])
        data = (out / donor["portfolio_id"] / donor["source"]).read_bytes()
        if rng.random() < 0.5:
            page = Image.open(io.BytesIO(data)) if data[:3] == b"\xff\xd8\xff" else _first_page(data)
            data = scanned_pdf([page.convert("RGB")])
        name = f"90_copy_{donor['source']}"
        (out / target / name).write_bytes(data)
        copy = dict(donor, portfolio_id=target, source=name, defect="reused_scan")
        manifest = json.loads((out / target / "portfolio.json").read_text(encoding="utf-8"))
        copy["expected_flags"] = sorted(
            {"duplicate", "name_mismatch"} | set(donor["expected_flags"]) - {"level_below_claimed"}
        )
        if donor.get("achiever") == "student" and donor.get("supervisor_name") == manifest["applicant"]["full_name"]:
            copy["expected_flags"].remove("name_mismatch")
        copy["must_not_flag"] = [
            f
            for f in ALL_FLAGS
            if f not in copy["expected_flags"]
            and f not in ("missing_signature", "level_below_claimed", "outside_period")
        ]
        donor["expected_flags"] = sorted(set(donor["expected_flags"]) | {"duplicate"})
        donor["must_not_flag"] = [f for f in donor["must_not_flag"] if f != "duplicate"]
        truth_lines.append(copy)


def _first_page(pdf_bytes: bytes) -> Image.Image:
    import pypdfium2 as pdfium  # test-side only: rebuild a re-compressed copy of a scanned page

    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        return pdf[0].render(scale=200 / 72).to_pil()
    finally:
        pdf.close()


_KIND_DEFECTS = {
    "encrypted": "encrypted_pdf",
    "truncated": "truncated_pdf",
    "severe": "unreadable_scan",
    "jpeg": "non_pdf",
    "docx": "non_pdf",
}


def _truth(pid: str, source: str, pages: list[int], doc: D.Doc, kind: str, category: str, period: tuple) -> dict:
    expected = _expected(doc, kind, category, period)
    fields = {} if kind in ("encrypted", "truncated") else doc.truth
    return {
        "portfolio_id": pid,
        "source": source,
        "pages": pages,
        **fields,
        "expected_flags": expected,
        "must_not_flag": [f for f in ALL_FLAGS if f not in expected and f not in ("missing_signature",)],
        "defect": _KIND_DEFECTS.get(kind, (doc.defects or [None])[0]),
        "language": doc.language,
        "born_digital": kind == "digital",
        "file_kind": "jpeg" if kind == "jpeg" else "pdf",
    }


def main(
    out: Path = typer.Option(Path("samples/batch")),
    truth: Path = typer.Option(Path("samples/truth.jsonl")),
    seed: int = 7,
    portfolios: int = 3,
    sample: bool = typer.Option(False, help="Write the committed sample batch"),
) -> None:
    if sample:
        out, truth, seed, portfolios = REPO / "samples" / "batch", REPO / "samples" / "truth.jsonl", 7, 3
    generate(out, truth, seed, portfolios)
    typer.echo(f"wrote {portfolios} portfolios to {out} and truth to {truth}")


if __name__ == "__main__":
    typer.run(main)
