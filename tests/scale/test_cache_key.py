"""The result cache key changes with everything a file's result depends on, and with nothing else."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models import Manifest
from pipeline.cache import CODE_DIRS, code_version, result_key
from pipeline.config import EXECUTION_SETTINGS, REPO_ROOT, Settings

MANIFEST = {
    "applicant": {"full_name": "Сейткали Айгерім Нұрланқызы", "iin": "850101400123"},
    "position": "teacher",
    "organization_type": "school",
    "claimed_category": "expert",
    "period": {"from": "2020-09-01", "to": "2025-05-31"},
}
FILE = hashlib.sha256(b"%PDF-1.7 a certificate").hexdigest()


def key(**changes: object) -> str:
    args: dict[str, object] = {
        "file_sha256": FILE,
        "portfolio_id": "P007-01",
        "source": "01_scan.pdf",
        "manifest": Manifest.model_validate(MANIFEST),
        "settings": Settings(),
        "code": "code-v1",
    }
    return result_key(**(args | changes))  # type: ignore[arg-type]


def test_same_inputs_same_key() -> None:
    assert key() == key()
    # The manifest as a fresh parse of the same JSON, and settings built again, are the same inputs.
    assert key(manifest=Manifest.model_validate(json.loads(json.dumps(MANIFEST))), settings=Settings()) == key()


def test_key_changes_with_the_file_and_where_it_sits() -> None:
    assert key(file_sha256=hashlib.sha256(b"%PDF-1.7 a certificatf").hexdigest()) != key()
    assert key(portfolio_id="P007-02") != key()
    assert key(source="02_scan.pdf") != key()


@pytest.mark.parametrize(
    "change",
    [
        {"period": {"from": "2021-09-01", "to": "2025-05-31"}},
        {"claimed_category": "master"},
        {"applicant": {"full_name": "Другое Имя", "iin": "850101400123"}},
    ],
)
def test_key_changes_with_the_manifest(change: dict) -> None:
    assert key(manifest=Manifest.model_validate(MANIFEST | change)) != key()
    assert key(manifest=None) != key()


@pytest.mark.parametrize(
    "change",
    [{"dpi": 300}, {"ocr_languages": "rus"}, {"edition": "pilot-2024"}, {"ocr_page_timeout": 30.0}, {"max_pages": 5}],
)
def test_key_changes_with_settings_that_change_results(change: dict) -> None:
    assert key(settings=Settings(**change)) != key()


@pytest.mark.parametrize(
    "change",
    [{"workers": 17}, {"cache_dir": "s3://elsewhere/cache"}, {"dask_address": "tcp://10.0.0.1:8786"}, {"cache": False}],
)
def test_key_ignores_how_the_batch_is_run(change: dict) -> None:
    assert set(change) <= EXECUTION_SETTINGS
    assert key(settings=Settings(**change)) == key()


def test_key_changes_with_the_code_version() -> None:
    assert key(code="code-v2") != key()


def _copy_tree(dest: Path) -> Path:
    for name in (*CODE_DIRS, "data"):
        shutil.copytree(REPO_ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_code_version_follows_code_and_rule_data(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path / "repo")

    def version() -> str:
        code_version.cache_clear()
        return code_version(root, root / "data")

    original = version()
    rule = root / "data" / "checks" / "thresholds.yaml"
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text + "\n# a commission changed a threshold\n", encoding="utf-8")
    assert version() != original  # a rule change invalidates the cache
    rule.write_text(text, encoding="utf-8")
    assert version() == original
    (root / "data" / "approved" / "region-new.json").write_text("[]", encoding="utf-8")
    assert version() != original  # a regional approved list dropped in
    (root / "data" / "approved" / "region-new.json").unlink()
    reader = root / "extractors" / "reader.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert version() != original
    reader.write_text(reader.read_text(encoding="utf-8").removesuffix("\n# changed\n"), encoding="utf-8")
    (root / "pipeline" / "__pycache__").mkdir(exist_ok=True)
    (root / "pipeline" / "__pycache__" / "cache.cpython-311.pyc").write_bytes(b"\0compiled")
    assert version() == original  # byte-code is not source
    code_version.cache_clear()


def test_key_is_the_same_in_another_process() -> None:
    # Hash seeds and dict order differ between processes; a Dask worker and a re-run must still agree.
    script = (
        "import json, sys; from models import Manifest; from pipeline.config import Settings;"
        "from pipeline.cache import result_key;"
        "m = Manifest.model_validate(json.loads(sys.argv[1]));"
        "print(result_key(sys.argv[2], 'P007-01', '01_scan.pdf', m, Settings(), 'code-v1'))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, json.dumps(MANIFEST), FILE],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO_ROOT,
        env={"PYTHONPATH": str(REPO_ROOT), "PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
    )
    assert run.stdout.strip() == key()


def test_this_installation_has_a_code_version() -> None:
    assert len(code_version()) == 64
    assert result_key(FILE, "P1", "a.pdf", None, Settings()) == result_key(FILE, "P1", "a.pdf", None, Settings())
