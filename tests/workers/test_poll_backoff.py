"""A request waiting for a queued answer re-reads its row less and less often."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from mlprep.web import _queued_jobs
from mlprep.web._queued_jobs import QueuedJobs


class _Pending:
    done = False
    id = "s1"
    owner = "ann"


def test_a_waiting_poll_backs_off() -> None:
    """A quick verdict is still seen within POLL_S; a queued one is read about twice a
    second, not ten times (each read is a round trip to PostgreSQL and a thread)."""
    jobs = object.__new__(QueuedJobs)  # only wait() and get() are used
    reads: list[float] = []

    def get(job_id: str, owner: str) -> Any:
        reads.append(time.monotonic())
        return _Pending()

    jobs.get = get  # type: ignore[method-assign]
    started = time.monotonic()
    asyncio.run(jobs.wait(_Pending(), 2.0, lambda j: j.done))  # type: ignore[arg-type]
    waited = time.monotonic() - started
    assert 1.9 <= waited < 2.5  # no sleep past the deadline
    assert reads[0] - started < _queued_jobs.POLL_S + 0.1  # the first read comes soon
    assert len(reads) <= 6  # 0.1, 0.3, 0.7, 1.2, 1.7, 2.0 s (every 0.1 s: 20)
    gaps = [b - a for a, b in itertools.pairwise(reads)]
    assert max(gaps) <= _queued_jobs.POLL_MAX_S + 0.1
