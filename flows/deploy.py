"""The Prefect deployment of the batch flow, its work pool, and submitting a batch to it.

A commission's server runs a Prefect server (on PostgreSQL: SQLite locks under many concurrent task runs), a
`process` work pool served by `prefect worker start --pool portfolio-screen`, and a Dask cluster. The
deployment runs `flows.screen.screen_batch` — the same flow as `portfolio-screen run` — imported from the
installed package (the worker's image has the project installed), so no code is uploaded anywhere; the
worker's environment (PS_DASK_ADDRESS, MINIO_*, PREFECT_API_URL) tells the flow where to work.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.deployments import run_deployment
from prefect.deployments.runner import EntrypointType
from prefect.exceptions import ObjectNotFound
from prefect.workers.process import ProcessWorker

from flows.screen import screen_batch

WORK_POOL = "portfolio-screen"
DEPLOYMENT = "commission"


def ensure_work_pool(name: str = WORK_POOL) -> bool:
    """Create the `process` work pool if missing; True when it was created."""
    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
            return False
        except ObjectNotFound:
            template = ProcessWorker.get_default_base_job_template()
            client.create_work_pool(
                WorkPoolCreate(
                    name=name,
                    type=ProcessWorker.type,
                    base_job_template=template,
                    description="portfolio-screen batches; per-file tasks go to the Dask cluster",
                )
            )
            return True


def deploy_batch_flow(
    work_pool: str = WORK_POOL, name: str = DEPLOYMENT, settings: dict[str, Any] | None = None
) -> UUID:
    """Register (or update) the deployment `screen-batch/<name>` on `work_pool`; returns its id.

    `settings` become the deployment's default `settings` parameter (e.g. {"dask_address": ...}); anything not
    given comes from the PS_* environment of the worker that runs the flow.
    """
    ensure_work_pool(work_pool)
    deployment = screen_batch.to_deployment(
        name=name,
        work_pool_name=work_pool,
        entrypoint_type=EntrypointType.MODULE_PATH,  # imported from the installed project, nothing uploaded
        parameters={"settings": settings or {}},
        # Settings is a pydantic model with paths; a batch run is submitted by people and scripts we know, and
        # the flow validates its settings itself (run_settings), so the server need not enforce a schema.
        enforce_parameter_schema=False,
        description="Screen a batch of portfolios: s3://bucket/prefix in, s3://bucket/prefix out.",
        tags=["portfolio-screen"],
    )
    return deployment.apply(work_pool_name=work_pool)


def submit_batch(
    batch_url: str,
    out_url: str,
    settings: dict[str, Any] | None = None,
    deployment: str = f"screen-batch/{DEPLOYMENT}",
    wait_seconds: float = 0,
) -> tuple[UUID, str]:
    """Create a flow run of the deployment; with `wait_seconds` > 0 wait for it. Returns (run id, state name)."""
    parameters: dict[str, Any] = {"batch_url": batch_url, "out_url": out_url}
    if settings:
        parameters["settings"] = settings
    run = run_deployment(name=deployment, parameters=parameters, timeout=wait_seconds)
    state = run.state.name if run.state is not None else "unknown"
    return run.id, state
