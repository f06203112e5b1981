"""Prefect flows: orchestration only; the work is done by the stage functions in pipeline/."""
