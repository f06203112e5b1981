"""Configuration mistakes stop `portfolio-screen run` at once with one clear line, before any work starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings
from typer.testing import CliRunner

from flows.runners import RunnerConfigError, check_runner
from pipeline.cli import app
from pipeline.config import Settings


def test_s3_without_credentials_is_refused_naming_the_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("MINIO_ENDPOINT", "MINIO_ACCESS_KEY", "MINIO_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["run", "s3://batches/2025", "--out", str(tmp_path), "--no-progress"])
    assert result.exit_code == 2
    assert "MINIO_ENDPOINT" in result.output and "MINIO_SECRET_KEY" in result.output
    assert "Traceback" not in result.output
    assert not any(tmp_path.iterdir())  # nothing was started


def test_dask_without_a_prefect_server_is_refused(tmp_path: Path) -> None:
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        with pytest.raises(RunnerConfigError, match="PREFECT_API_URL"):
            check_runner(Settings(dask_address="tcp://127.0.0.1:8786"))
        check_runner(Settings())  # threads need no server: Prefect's local mode
        result = CliRunner().invoke(
            app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "--dask-address", "tcp://127.0.0.1:8786"]
        )
        assert result.exit_code == 2 and "PREFECT_API_URL" in result.output
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        check_runner(Settings(dask_address="tcp://127.0.0.1:8786"))
