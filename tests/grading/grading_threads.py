"""How many answers the grading tests grade at a time with the claim model.

Its inference runs outside the GIL on one thread per call, so on two cores two answers
graded at once come nearly twice as fast, with the same scores (the graders are safe to
share between threads). Only the tests that grade hundreds of answers use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# MLPREP_TEST_THREADS sets it (1: one answer at a time, to compare)
THREADS = int(os.environ.get("MLPREP_TEST_THREADS", 0)) or max(1, min(4, _cores()))

T = TypeVar("T")
R = TypeVar("R")


def in_threads(function: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``[function(item) for item in items]``, THREADS items at a time, in order."""
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(function, items))
