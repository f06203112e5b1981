"""The reviewers' reports: rendered in headless Chromium from disk, no errors, key content present.

Screenshots are kept at /tmp/report-shots/ for the lead's closing note.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from models import Activity, Flag, Level, Result
from pipeline.reports import severity_queue
from pipeline.scoring.command import score_command
from tests.scoring.helpers import course, manifest, rec

SHOTS = Path("/tmp/report-shots")
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def thumbnail(text: str) -> bytes:
    """A small first-page image, as the run writes to OUT/thumbs/<doc_id>.jpg."""
    image = Image.new("RGB", (240, 340), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 28)
    draw.rectangle((8, 8, 232, 332), outline="navy", width=4)
    draw.text((30, 60), text, fill="navy", font=font)
    draw.ellipse((140, 240, 220, 320), outline="blue", width=3)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reports")
    batch, out = root / "batch", root / "out"
    manifests = {
        "teacher-meets": manifest("teacher", "moderator"),
        "teacher-review": manifest("teacher", "moderator"),
        "head-below": manifest("head", "second"),
    }
    records = []
    for pid, m in manifests.items():
        (batch / pid).mkdir(parents=True)
        (batch / pid / "portfolio.json").write_text(m.model_dump_json(by_alias=True), encoding="utf-8")
        docs = [
            rec(1, Activity.student_contest, Level.region, Result.winner, event_name="Олимпиада <b>по физике</b>"),
            rec(2, Activity.professional_contest, Level.district),
            rec(3, Activity.speech, Level.district),
            rec(4, Activity.working_group, Level.school),
            rec(5, Activity.teaching_materials, Level.school),
            course(6, 72, "Программа"),
        ]
        if pid == "teacher-review":
            docs[2].add_flag(Flag.missing_stamp, "печать не найдена; ИИН 850101400123 в тексте")
            docs.append(rec(7, Activity.speech, Level.region, flags=[Flag.not_in_approved_list]))
        for r in docs:
            r.portfolio_id, r.doc_id = pid, f"{pid}-{r.doc_id}"
        records += docs
    evidence = root / "evidence.jsonl"
    evidence.write_text("".join(r.to_json_line() + "\n" for r in records), encoding="utf-8")
    (out / "thumbs").mkdir(parents=True)
    for r in records:
        if not r.doc_id.endswith("d6"):  # course certificates left without a thumbnail → placeholder
            (out / "thumbs" / f"{r.doc_id}.jpg").write_bytes(thumbnail("ДИПЛОМ"))
    summaries = score_command(evidence, str(batch), str(out))
    assert [s.portfolio_id for s in severity_queue(summaries)] == ["head-below", "teacher-review", "teacher-meets"]
    return out


def test_html_is_self_contained_and_escaped(reports: Path) -> None:
    page = (reports / "portfolios" / "teacher-meets.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;по физике&lt;/b&gt;" in page  # text from documents is escaped
    assert "<script src" not in page and "<link" not in page and "http://" not in page
    review = (reports / "portfolios" / "teacher-review.html").read_text(encoding="utf-8")
    assert "850101400123" not in review and "••••••••••••" in review
    lines = (reports / "portfolios.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["verdict"] for x in lines] == ["below", "meets", "needs_review"]


@pytest.mark.slow
def test_reports_render_in_headless_chromium(reports: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    SHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            errors: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))

            page.goto((reports / "report.html").as_uri())
            rows = page.locator("#queue tr[data-verdict]")
            assert rows.count() == 3
            assert [rows.nth(i).get_attribute("data-verdict") for i in range(3)] == [
                "below",
                "needs_review",
                "meets",
            ]
            assert "нет печати" in page.locator("#flags").inner_text()
            page.screenshot(path=str(SHOTS / "report.png"), full_page=True)

            page.locator("#queue a", has_text="teacher-review").click()
            page.wait_for_load_state()
            assert page.locator("#verdict").inner_text().startswith("требует проверки")
            assert page.locator("#indicators tr.indicator").count() == 8  # teacher: 2.1 … 4.1
            assert page.locator("tr.indicator[data-code='2.1'] td").nth(3).inner_text() == "4"
            widths = page.eval_on_selector_all("img.thumb", "els => els.map(e => e.complete && e.naturalWidth)")
            assert len(widths) == 6 and all(w == 240 for w in widths)
            assert page.locator(".placeholder").count() == 1
            assert "нет в утверждённом перечне" in page.locator("#documents").inner_text()
            page.screenshot(path=str(SHOTS / "portfolio-teacher-review.png"), full_page=True)

            page.goto((reports / "portfolios" / "head-below.html").as_uri())
            assert page.locator("#verdict").inner_text().startswith("ниже требований")
            assert page.locator("#indicators tr.indicator").count() == 7
            page.screenshot(path=str(SHOTS / "portfolio-head-below.png"), full_page=True)
            assert errors == []
        finally:
            browser.close()
    for shot in SHOTS.glob("*.png"):
        assert shot.stat().st_size > 10_000
    shutil.copy(reports / "report.html", SHOTS / "report.html")
