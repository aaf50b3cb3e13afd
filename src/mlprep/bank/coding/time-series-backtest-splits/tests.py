"""Tests for walk-forward backtest splits. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """n = size rows; windows chosen so at most 50 folds come out; gap 0 or more."""
    n = int(size)
    horizon = int(rng.integers(1, max(2, n // 10 + 2)))
    initial = int(rng.integers(1, max(2, n // 2 + 2)))
    gap = int(rng.choice([0, 0, 1, int(rng.integers(0, max(1, n // 20 + 1)))]))
    room = max(0, n - initial - gap - horizon)
    step = max(1, int(rng.integers(max(1, room // 49 + 1), max(2, room // 3 + 2))))
    return (n, initial, horizon, step, gap, bool(rng.random() < 0.5))


CASES = [
    {"name": "prompt example, expanding", "kind": "visible", "args": (12, 5, 2, 3, 1, True),
     "note": "the example from the prompt"},
    {"name": "prompt example, sliding", "kind": "visible", "args": (12, 5, 2, 3, 1, False),
     "note": "sliding windows keep initial_train rows"},
    {"name": "no rows", "kind": "hidden", "args": (0, 1, 1, 1, 0, True), "expected": [],
     "note": "empty input: n = 0"},
    {"name": "nothing fits", "kind": "hidden", "args": (6, 5, 2, 1, 0, True), "expected": [],
     "note": "fold 0 would need 7 rows"},
    {"name": "last window ends exactly at n", "kind": "hidden", "args": (13, 5, 2, 3, 1, True),
     "note": "off-by-one: the third test window ends on row 12, the last row, and is complete"},
    {"name": "one row short", "kind": "hidden", "args": (12, 5, 2, 3, 2, False),
     "note": "off-by-one: a partial last window must be dropped"},
    {"name": "no gap", "kind": "hidden", "args": (10, 3, 2, 2, 0, True),
     "note": "gap = 0: test starts right after training"},
    {"name": "big gap", "kind": "hidden", "args": (30, 6, 3, 4, 7, False),
     "note": "the gap does not shorten the sliding training window"},
    {"name": "overlapping test windows", "kind": "hidden", "args": (20, 4, 5, 1, 0, True),
     "note": "step < horizon: consecutive test windows overlap"},
    {"name": "step beyond the horizon", "kind": "hidden", "args": (40, 5, 2, 7, 1, False),
     "note": "step > horizon: rows between test windows are never tested"},
    {"name": "single row windows", "kind": "hidden", "args": (5, 1, 1, 1, 0, False),
     "note": "single inputs: one training row, one test row"},
    {"name": "largest stated size", "kind": "hidden", "args": (20_000, 10_000, 200, 200, 0, True),
     "note": "n = 20,000 rows, 50 folds"},
]
