"""How the batch is cut into Prefect tasks: whole portfolios of ≥ 16 files locally, one file per task on Dask."""

from __future__ import annotations

from flows.screen import MIN_FILES_PER_TASK, task_units
from models import PortfolioInput
from pipeline.config import Settings


def _batch(sizes: list[int]) -> list[PortfolioInput]:
    return [
        PortfolioInput(portfolio_id=f"P{i:02d}", files=[f"{j:02d}.pdf" for j in range(n)]) for i, n in enumerate(sizes)
    ]


def _covered(units: list[list[PortfolioInput]]) -> list[tuple[str, str]]:
    return [(p.portfolio_id, source) for unit in units for p in unit for source in p.files]


def test_local_tasks_hold_whole_portfolios_of_at_least_the_minimum() -> None:
    portfolios = _batch([1] * 40 + [0, 9, 30, 2, 7])  # 1-file portfolios (a born-digital batch), an empty one, big ones
    units = task_units(portfolios, Settings())
    expected = [(p.portfolio_id, s) for p in portfolios for s in p.files]
    assert _covered(units) == expected  # every file once, in the batch's order
    assert all(p.files for unit in units for p in unit)  # an empty portfolio makes no task
    for unit in units[:-1]:
        assert sum(len(p.files) for p in unit) >= MIN_FILES_PER_TASK
        # grouping stops as soon as the minimum is reached: without its last portfolio a task is below it
        assert sum(len(p.files) for p in unit[:-1]) < MIN_FILES_PER_TASK
    by_id = {p.portfolio_id: p for p in portfolios}
    assert all(p.files == by_id[p.portfolio_id].files for unit in units for p in unit)  # never a portfolio split
    assert len(units) < len(portfolios) // 4


def test_dask_tasks_are_single_files() -> None:
    portfolios = _batch([3, 0, 1])
    units = task_units(portfolios, Settings(dask_address="tcp://127.0.0.1:8786"))
    assert [(u[0].portfolio_id, u[0].files) for u in units] == [
        ("P00", ["00.pdf"]),
        ("P00", ["01.pdf"]),
        ("P00", ["02.pdf"]),
        ("P02", ["00.pdf"]),
    ]
    assert all(len(u) == 1 for u in units)
