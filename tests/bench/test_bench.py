"""`python -m bench --quick` end to end: every figure is in bench.json, measured, and the ratios follow from it.

No speed target is asserted here: timings on a shared 2-core machine belong to `make bench`, not to a unit test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import REPLICAS

REPO = Path(__file__).resolve().parents[2]
RUNS = ("scanned_2w", "cached_rerun", "threshold_rerun", "scanned_1w", "born_digital", "born_digital_many")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out)],
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads((out / "bench.json").read_text(encoding="utf-8")), done.stdout


def _close(value: float | None, expected: float) -> bool:
    # Figures are rounded to 2–4 decimals in the JSON; a ratio recomputed from them matches to that precision.
    return value is not None and value == pytest.approx(expected, rel=0.02, abs=0.002)


def test_corpus_is_split_into_a_scanned_and_a_born_digital_batch(bench: tuple[dict, str]) -> None:
    data, _ = bench
    corpus = data["corpus"]
    assert corpus["scanned"]["pages"] == 1 and corpus["born_digital"]["pages"] == 1
    assert all(gen["seed"] != 914202 for gen in corpus["generations"])  # never the held-out evaluation seed
    assert data["ours"]["scanned_2w"]["pages_ocr"] == data["ours"]["scanned_2w"]["pages"] == 1
    assert data["ours"]["born_digital"]["pages_ocr"] == 0  # read from the text layer: really born digital


def test_naive_loop_read_every_page(bench: tuple[dict, str]) -> None:
    data, _ = bench
    for name in ("scanned", "born_digital"):
        naive = data["naive"][name]
        assert naive["pages"] == data["corpus"][name]["pages"]
        assert naive["wall_s"] >= naive["ocr_s"] > 0
        assert _close(naive["pages_per_s"], naive["pages"] / naive["wall_s"])
        assert _close(naive["cpu_s_per_page"], naive["children_cpu_s"] / naive["pages"]) and naive["cpu_s_per_page"] > 0
        assert naive["tesseract_peak_rss_mib"] > 20  # rus+kaz models alone are tens of MiB: a real Tesseract was seen
        texts = Path(naive["texts"]).read_text(encoding="utf-8").splitlines()
        assert len(texts) == naive["pages"] and all(json.loads(t)["text"].strip() for t in texts)


def test_every_run_has_its_figures(bench: tuple[dict, str]) -> None:
    data, _ = bench
    ours = data["ours"]
    assert set(ours) == set(RUNS)
    for name, run in ours.items():
        assert run["wall_s"] > run["flow_s"] > 0, name
        assert run["pages"] > 0 and run["files"] > 0, name
        assert _close(run["startup_s"], run["wall_s"] - run["flow_s"]), name
        assert _close(run["pages_per_s"], run["pages"] / run["flow_s"]), name
        assert _close(run["pages_per_s_end_to_end"], run["pages"] / run["wall_s"]), name
        assert _close(run["cpu_s_per_page"], (run["cpu_s"] + run["children_cpu_s"]) / run["pages"]), name
        assert run["cpu_s"] > 0 and run["cores_used"] > 0, name
        assert 50 < run["flow_process_peak_rss_mib"] < 64 * 1024, name  # a Python process with spaCy loaded
    assert ours["scanned_2w"]["workers"] == 2 and ours["scanned_1w"]["workers"] == 1
    # With 2 workers the files are read in the pool's processes: their Tesseracts and CPU are found under them.
    for name in ("scanned_2w", "scanned_1w"):
        assert ours[name]["tesseract_peak_rss_mib"] > 20 and ours[name]["children_cpu_s"] > 0, name
    assert 50 < ours["scanned_2w"]["worker_peak_rss_mib"] < 64 * 1024
    assert ours["scanned_1w"]["worker_peak_rss_mib"] is None
    # The re-run found every file in the result cache; after the threshold change none (only pages' OCR).
    assert ours["scanned_2w"]["files_cached"] == 0
    assert ours["cached_rerun"]["files_cached"] == ours["cached_rerun"]["files"]
    assert ours["threshold_rerun"]["files_cached"] == 0


def test_ratios_are_computed_from_the_measured_times(bench: tuple[dict, str]) -> None:
    data, _ = bench
    naive, ours, ratios = data["naive"], data["ours"], data["ratios"]
    first = ours["scanned_2w"]
    assert _close(ratios["scanned_vs_naive"], first["pages_per_s"] / naive["scanned"]["pages_per_s"])
    assert _close(
        ratios["born_digital_vs_naive"], ours["born_digital"]["pages_per_s"] / naive["born_digital"]["pages_per_s"]
    )
    assert _close(
        ratios["scanned_cpu_per_page_naive_over_ours"], naive["scanned"]["cpu_s_per_page"] / first["cpu_s_per_page"]
    )
    assert _close(ratios["speedup_2_vs_1_workers"], first["pages_per_s"] / ours["scanned_1w"]["pages_per_s"])
    assert _close(ratios["cached_rerun_of_first"], ours["cached_rerun"]["wall_s"] / first["wall_s"])
    assert _close(ratios["cached_rerun_of_first_flow"], ours["cached_rerun"]["flow_s"] / first["flow_s"])
    assert _close(ratios["threshold_rerun_of_first"], ours["threshold_rerun"]["wall_s"] / first["wall_s"])
    assert data["memory"]["flow_process_peak_rss_mib"] == max(r["flow_process_peak_rss_mib"] for r in ours.values())
    one, many = ours["born_digital"], ours["born_digital_many"]
    assert many["pages"] == REPLICAS * one["pages"] and many["files"] == REPLICAS * one["files"]
    assert many["files_cached"] == 0
    extra = many["flow_s"] - one["flow_s"]
    if extra > 0:  # quick mode's 1 page against a dozen may not even take longer
        assert _close(ratios["born_digital_marginal_pages_per_s"], (many["pages"] - one["pages"]) / extra)


def test_accuracy_and_targets_are_reported(bench: tuple[dict, str]) -> None:
    data, stdout = bench
    for side in ("scanned", "born_digital"):
        for who in ("ours", "naive"):
            scores = data["accuracy"][side][who]
            assert scores["doc_type"]["n"] == 1  # the one document of the batch was scored
            assert all(s["accuracy"] is None or 0 <= s["accuracy"] <= 1 for s in scores.values())
    thresholds = data["accuracy"]["thresholds"]
    assert thresholds["documents"] == 2 and thresholds["document_recall"] == 1.0
    assert thresholds["all_met"] == all(v for v in thresholds["pass"].values() if v is not None)
    targets = {t["target"]: t for t in data["targets"]}
    assert len(targets) == 14
    for target in targets.values():
        assert target["pass"] in (True, False), target  # every target was measured and judged
    assert targets["scanned pages/s vs naive, flow"]["value"] == data["ratios"]["scanned_vs_naive"]
    assert "targets (issue 6)" in stdout and "field accuracy" in stdout
