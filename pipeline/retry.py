"""Retry with exponential back-off: the one helper every transient-error retry in the pipeline goes through.

Object stores fail transiently (a MinIO node restarting, a load balancer answering 503 SlowDown, a dropped
connection). Retrying at the operation level, with growing pauses, rides those out without redoing a whole
file's OCR — which is what a task-level retry would cost.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from pipeline.privacy import mask_iin

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # tries in all, the first included
    base_delay: float = 0.5  # seconds before the second try; doubles each time
    max_delay: float = 20.0  # no single pause longer than this
    # 0.5 + 1 + 2 + 4 + 8 s ≈ 15 s in all: long enough for a MinIO restart, short enough to fail a task visibly.

    def delay(self, retry: int) -> float:
        """Pause before retry number `retry` (1-based): exponential, with jitter so workers do not retry in step."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


DEFAULT_POLICY = RetryPolicy()


def with_retries(
    operation: Callable[[], T],
    *,
    is_transient: Callable[[BaseException], bool],
    what: str,
    policy: RetryPolicy = DEFAULT_POLICY,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `operation`; on an error `is_transient` accepts, pause and try again, up to `policy.attempts` times.

    Other errors, and the last transient one, propagate unchanged. `what` names the operation in the log; it
    must never contain credentials.
    """
    for attempt in range(1, policy.attempts + 1):
        try:
            return operation()
        except Exception as exc:
            if attempt == policy.attempts or not is_transient(exc):
                raise
            pause = policy.delay(attempt)
            log.warning(
                "%s failed (%s: %s); retry %d/%d in %.1f s",
                mask_iin(what),
                type(exc).__name__,
                mask_iin(str(exc)[:200]),  # object keys are applicants' file names
                attempt,
                policy.attempts - 1,
                pause,
            )
            sleep(pause)
    raise AssertionError("unreachable")  # the loop returns or raises
