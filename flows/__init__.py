"""Prefect flows: orchestration only; the work is done by the stage functions in pipeline/.

Prefect reads its settings when it is first imported, so the embedded defaults are set here, before any flow
module imports prefect.
"""

from __future__ import annotations

import os

_PREFECT_DEFAULTS = {
    # A cold start of the ephemeral (local-mode) server takes ≈ 20 s here; the default 20 s timeout is too tight.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}
for _key, _value in _PREFECT_DEFAULTS.items():
    os.environ.setdefault(_key, _value)
# One Tesseract thread per process: parallelism comes from running pages side by side (measured: 2 × 1 thread
# ≈ 1.2 pages/s vs 1 × 2 threads ≈ 0.3 pages/s on 2 cores).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
