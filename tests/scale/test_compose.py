"""docker-compose.yml, Dockerfile and .env.example, checked without Docker (it cannot run on our machines).

The file is validated against the Compose Specification's JSON schema (vendored in tests/scale/schema/, see its
README.md), then every cross-reference the schema cannot see: images and build contexts, depends_on targets,
volumes, interpolated variables, the host names in URLs, and the environment variable names against what
pipeline/ and Prefect actually read. The same topology runs for real, without Docker, in test_topology.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import prefect.settings
import pytest
import yaml
from prefect.settings.legacy import Setting

from flows.deploy import DEPLOYMENT, WORK_POOL
from pipeline.cli import app
from pipeline.config import Settings
from pipeline.storage.s3 import S3Endpoint

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
SCHEMA = Path(__file__).parent / "schema" / "compose-spec.json"
PIPELINE_IMAGE = "portfolio-screen:"
# ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}; `$$` is a literal dollar.
INTERPOLATION = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])[^}]*)?\}")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))  # resolves the x-… anchors and `<<` merges


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


def env_of(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {k: str(v) for k, v in env.items()}


def runs_pipeline_code(service: dict[str, Any]) -> bool:
    return str(service.get("image", "")).startswith(PIPELINE_IMAGE)


def test_compose_file_follows_the_compose_specification(compose: dict, validator: jsonschema.Validator) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(compose)]
    assert not errors, "\n".join(errors)


def test_the_schema_check_can_fail(compose: dict, validator: jsonschema.Validator) -> None:
    broken = json.loads(json.dumps(compose))
    broken["services"]["worker"]["depends_on"]["scheduler"]["condition"] = "service_ready"  # not a condition
    broken["services"]["minio"]["restart_policy"] = "always"  # not a service key
    assert len(list(validator.iter_errors(broken))) >= 2


def test_the_stack_has_what_issue_6_asks_for(compose: dict) -> None:
    s = services(compose)
    assert {"minio", "minio-init", "postgres", "prefect-server", "scheduler", "worker", "pipeline"} <= set(s)
    assert "minio" in s["minio"]["image"] and "minio/mc" in s["minio-init"]["image"]
    assert s["postgres"]["image"].startswith("postgres:")
    assert s["prefect-server"]["command"][:3] == ["prefect", "server", "start"]
    assert s["scheduler"]["command"][:2] == ["dask", "scheduler"]
    assert s["worker"]["command"][:3] == ["dask", "worker", "tcp://scheduler:8786"]
    # `docker compose up --scale worker=8` needs workers without a fixed name or published port.
    assert "container_name" not in s["worker"] and "ports" not in s["worker"]
    db_url = env_of(s["prefect-server"])["PREFECT_API_DATABASE_CONNECTION_URL"]
    assert db_url.startswith("postgresql+asyncpg://") and urlsplit(db_url).hostname == "postgres"


def test_images_and_builds_exist(compose: dict) -> None:
    built = set()
    for name, service in services(compose).items():
        assert "image" in service or "build" in service, name
        if "build" in service:
            build = service["build"] if isinstance(service["build"], dict) else {"context": service["build"]}
            context = REPO / build["context"]
            assert (context / build.get("dockerfile", "Dockerfile")).is_file(), name
            built.add(service.get("image"))
    for name, service in services(compose).items():
        if runs_pipeline_code(service):
            assert service["image"] in built, f"{name}: nothing builds {service['image']}"


def test_dependencies_and_volumes_exist(compose: dict) -> None:
    s = services(compose)
    for name, service in s.items():
        depends = service.get("depends_on", {})
        for target in depends if isinstance(depends, list) else depends.keys():
            assert target in s and target != name, f"{name} depends on {target}"
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source")
            if source and not source.startswith((".", "/")):
                assert source in compose.get("volumes", {}), f"{name}: volume {source} is not declared"
    # The one-shot set-up must have finished before anything uses the buckets.
    for name in ("worker", "pipeline"):
        assert s[name]["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"


def test_urls_point_at_services_of_the_stack(compose: dict) -> None:
    s = services(compose)
    ports = {"minio": 9000, "prefect-server": 4200, "scheduler": 8786, "postgres": 5432}
    for name, service in s.items():
        for key, value in env_of(service).items():
            if key in ("MINIO_ENDPOINT", "PREFECT_API_URL", "PS_DASK_ADDRESS", "PREFECT_API_DATABASE_CONNECTION_URL"):
                url = urlsplit(value if "://" in value else f"//{value}")
                assert url.hostname in s, f"{name}: {key} points at {url.hostname}, not a service"
                assert url.port == ports[url.hostname], f"{name}: {key} port"


def test_environment_names_are_ones_the_code_reads(compose: dict) -> None:
    minio_vars = {f"MINIO_{field.upper()}" for field in S3Endpoint.model_fields}
    ps_vars = {f"PS_{field.upper()}" for field in Settings.model_fields}
    required_minio = {f"MINIO_{f.upper()}" for f, info in S3Endpoint.model_fields.items() if info.is_required()}
    for name, service in services(compose).items():
        if not runs_pipeline_code(service):
            continue
        env = env_of(service)
        for key in env:
            if key.startswith("MINIO_"):
                assert key in minio_vars, f"{name}: {key} is read by nothing (pipeline/storage/s3.py)"
            elif key.startswith("PS_"):
                assert key in ps_vars, f"{name}: {key} is read by nothing (pipeline/config.py)"
            elif key.startswith("PREFECT_"):
                assert isinstance(getattr(prefect.settings, key, None), Setting), f"{name}: {key} is no Prefect setting"
    # Whoever opens s3:// storage has the whole MINIO_* set; Dask workers and the flow runner also know the server.
    for name in ("worker", "pipeline"):
        env = env_of(services(compose)[name])
        assert required_minio <= env.keys(), name
        assert {"PREFECT_API_URL", "OMP_THREAD_LIMIT"} <= env.keys(), name
    assert "PS_DASK_ADDRESS" in env_of(services(compose)["pipeline"])


def test_interpolated_variables_are_in_the_env_example(compose: dict) -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    example = {
        line.split("=", 1)[0]
        for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    used = {m[1] for m in INTERPOLATION.finditer(text)}
    without_default = {m[1] for m in INTERPOLATION.finditer(text) if m[2] not in ("-", ":-")}
    assert without_default <= example, without_default - example
    assert example <= used, example - used  # no stale variable in the example
    assert "change-me" in (REPO / ".env.example").read_text(encoding="utf-8")
    assert ".env" in (REPO / ".gitignore").read_text(encoding="utf-8").split()
    # No secret written into the compose file itself: every password and key comes from the environment.
    for name, service in services(compose).items():
        for key, value in env_of(service).items():
            if re.search(r"PASSWORD|SECRET|ACCESS_KEY", key):
                assert value.startswith("${"), f"{name}: {key} is written in the file"


def test_the_pipeline_service_serves_the_deployment(compose: dict) -> None:
    command = " ".join(services(compose)["pipeline"]["command"])
    assert f"portfolio-screen deploy --pool {WORK_POOL} --name {DEPLOYMENT}" in command
    assert f"prefect worker start --pool {WORK_POOL}" in command
    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert {"run", "deploy", "submit"} <= commands


def test_dockerfile_installs_tesseract_models_and_the_pinned_project() -> None:
    docker = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim", docker, re.M)
    for package in ("tesseract-ocr", "tesseract-ocr-rus", "tesseract-ocr-kaz", "libgl1", "libglib2.0-0"):
        assert re.search(rf"\s{re.escape(package)}(\s|$)", docker), package
    assert docker.count("-c constraints.txt") >= 2  # dependencies and the project, both pinned
    for line in re.findall(r"^COPY (.+)$", docker, re.M):
        *sources, _dest = line.split()
        for source in sources:
            assert source == "." or (REPO / source).exists(), source
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".venv", ".git"} <= set(ignored)  # no secrets or local venv in the build context
