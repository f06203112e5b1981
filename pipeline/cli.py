"""`portfolio-screen`: the command line (typer + rich). Progress and logs go to stderr; the summary to stdout."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from models import BatchReport
from pipeline.config import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out_console = Console()
err_console = Console(stderr=True)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.StreamHandler()],  # stderr
    )


def summary_table(report: BatchReport) -> Table:
    table = Table(title="portfolio-screen: batch summary", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    rows = [
        ("portfolios", report.portfolios),
        ("files", f"{report.files} ({report.files_cached} from cache)"),
        ("documents", report.documents),
        ("error records", report.error_records),
        ("pages", report.pages),
        ("pages OCR'd", report.pages_ocr),
        ("seconds", f"{report.seconds:.1f}"),
        ("pages/s", f"{report.pages_per_second:.2f}"),
    ]
    for what, value in rows:
        table.add_row(what, str(value))
    for verdict, count in sorted(report.verdicts.items()):
        table.add_row(f"verdict: {verdict}", str(count))
    for flag, count in report.flags.items():
        table.add_row(f"flag: {flag}", str(count))
    return table


@app.command()
def run(
    batch: Annotated[str, typer.Argument(help="Batch folder, or s3://bucket/prefix")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder, or s3://bucket/prefix")],
    workers: Annotated[int | None, typer.Option(help="Files screened in parallel (default: CPU cores)")] = None,
    edition: Annotated[str | None, typer.Option(help="Scoring rules edition: 2025 or pilot-2024")] = None,
    dask_address: Annotated[str | None, typer.Option(help="Run tasks on a Dask cluster, e.g. tcp://host:8786")] = None,
    cache_dir: Annotated[
        str | None,
        typer.Option(help="Keep and reuse per-file results here: a folder or s3://bucket/prefix (default: OUT/.cache)"),
    ] = None,
    cache: Annotated[
        bool | None, typer.Option("--cache/--no-cache", help="Resume from cached per-file results (default: on)")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr")] = True,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Screen a batch: write OUT/evidence.jsonl, OUT/portfolios.jsonl and the reports."""
    from flows.local_server import start_if_local

    server = start_if_local()  # first: it boots while Prefect and the pipeline are imported here
    try:
        _setup_logging(verbose)
        settings = load_settings(
            workers=workers, edition=edition, dask_address=dask_address, cache_dir=cache_dir, cache=cache
        )
        from flows.command import run_command
        from flows.runners import RunnerConfigError
        from pipeline.storage.s3 import S3ConfigError

        try:
            report = run_command(batch, out, settings, progress, server)
        except (RunnerConfigError, S3ConfigError) as exc:  # configuration errors come before any work: one line
            err_console.print(f"error: {exc}", markup=False, highlight=False)
            raise typer.Exit(2) from None
    finally:
        if server is not None:
            server.stop()
    out_console.print(summary_table(report))
    out_console.print(f"evidence:   {out.rstrip('/')}/evidence.jsonl")
    out_console.print(f"portfolios: {out.rstrip('/')}/portfolios.jsonl")
    out_console.print(f"report:     {out.rstrip('/')}/report.html")


@app.command()
def deploy(
    pool: Annotated[str, typer.Option(help="Prefect work pool (process), made if missing")] = "portfolio-screen",
    name: Annotated[str, typer.Option(help="Deployment name: deployed as screen-batch/NAME")] = "commission",
    dask_address: Annotated[
        str | None, typer.Option(help="Default Dask scheduler for runs (else the worker's PS_DASK_ADDRESS)")
    ] = None,
) -> None:
    """Register the batch flow's deployment and work pool on the Prefect server at PREFECT_API_URL."""
    _setup_logging(False)
    from flows.deploy import deploy_batch_flow

    deployment_id = deploy_batch_flow(pool, name, {"dask_address": dask_address} if dask_address else None)
    out_console.print(f"deployment screen-batch/{name} ({deployment_id}) on work pool {pool}")
    out_console.print(f"serve it with:  prefect worker start --pool {pool}")


@app.command()
def submit(
    batch: Annotated[str, typer.Argument(help="Batch: s3://bucket/prefix (or a folder the worker can read)")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output: s3://bucket/prefix (or a folder)")],
    name: Annotated[str, typer.Option(help="Deployment name (screen-batch/NAME)")] = "commission",
    wait: Annotated[float, typer.Option(help="Seconds to wait for the run to finish (0: do not wait)")] = 0,
) -> None:
    """Submit a batch to the deployed flow; a work-pool worker runs it."""
    _setup_logging(False)
    from flows.deploy import submit_batch

    run_id, state = submit_batch(batch, out, deployment=f"screen-batch/{name}", wait_seconds=wait)
    out_console.print(f"flow run {run_id}: {state}")
    if wait and state != "Completed":
        raise typer.Exit(1)


@app.command()
def score(
    evidence: Annotated[Path, typer.Argument(help="An evidence.jsonl (perhaps corrected by a reviewer)")],
    batch: Annotated[str, typer.Option(help="The batch whose portfolio.json manifests to use")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder, or s3://bucket/prefix")],
    edition: Annotated[str, typer.Option(help="Scoring rules edition: 2025 or pilot-2024")] = "2025",
) -> None:
    """Re-score portfolios from an evidence file and the manifests, without reading any document again."""
    _setup_logging(False)
    from pipeline.scoring.command import score_command

    summaries = score_command(evidence, batch, out, edition)
    table = Table(title=f"portfolio-screen: scores ({edition})")
    for column in ("portfolio", "position", "category", "total", "threshold", "verdict"):
        table.add_column(column)
    for s in summaries:
        table.add_row(
            s.portfolio_id,
            str(s.position or "—"),
            str(s.claimed_category or "—"),
            f"{s.total:g}",
            "—" if s.threshold is None else f"{s.threshold:g}",
            s.verdict.value,
        )
    out_console.print(table)
    out_console.print(f"portfolios: {out.rstrip('/')}/portfolios.jsonl")


if __name__ == "__main__":
    app()
