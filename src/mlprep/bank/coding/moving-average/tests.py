"""Tests for moving-average. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """A random walk of `size` float values, or ints; window from 1 to a bit over size."""
    steps = rng.normal(0, 3, size=size)
    series = np.cumsum(steps) + 50
    window = int(rng.integers(1, max(2, size + 3)))
    if size > 100:
        window = int(rng.integers(1, size // 4 + 2))
    # rint rounds half to even as round() does; tolist() gives Python ints and floats
    # (one call, not one per value: the 600,000-value case below is built at import)
    if rng.random() < 0.3:
        return (np.rint(series).astype(np.int64).tolist(), window)
    if rng.random() < 0.5:
        return (series, window)
    return (series.tolist(), window)


_big = generate(np.random.default_rng(3), 600_000)[0]

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([2, 4, 6, 8, 10], 3),
        "expected": [4.0, 6.0, 8.0],
        "note": "the first call of the prompt's example",
    },
    {
        "name": "prompt example, short input",
        "kind": "visible",
        "args": ([1, 2], 3),
        "expected": [],
        "note": "fewer values than the window",
    },
    {
        "name": "empty series",
        "kind": "hidden",
        "args": ([], 1),
        "expected": [],
        "note": "no values at all",
    },
    {
        "name": "window of one",
        "kind": "hidden",
        "args": ([3.5, -1.0, 2.25], 1),
        "expected": [3.5, -1.0, 2.25],
        "note": "each value is its own window",
    },
    {
        "name": "window equals length",
        "kind": "hidden",
        "args": ([1, 2, 3, 4], 4),
        "expected": [2.5],
        "note": "exactly one full window",
    },
    {
        "name": "integer means are not floored",
        "kind": "hidden",
        "args": ([1, 2, 4, 7], 2),
        "expected": [1.5, 3.0, 5.5],
        "note": "integer input with fractional means",
    },
    {
        "name": "negative values",
        "kind": "hidden",
        "args": ([-3, -1, 4, -6, 2], 3),
        "expected": [0.0, -1.0, 0.0],
        "note": "negative numbers and zero means",
    },
    {
        "name": "numpy input",
        "kind": "hidden",
        "args": (np.array([0.5, 1.5, 2.5, 3.5, 4.5]), 2),
        "expected": [1.0, 2.0, 3.0, 4.0],
        "note": "a 1-D NumPy array",
    },
    {
        "name": "single value, window one",
        "kind": "hidden",
        "args": ([9], 1),
        "expected": [9.0],
        "note": "one value",
    },
    {
        "name": "single value, window two",
        "kind": "hidden",
        "args": ([9], 2),
        "expected": [],
        "note": "one value and a longer window",
    },
    {
        "name": "long series, wide window",
        "kind": "hidden",
        "args": (_big, 300_000),
        "note": "600,000 values, window 300,000: re-summing every window is about 9 x 10^10 "
        "additions, too many even for NumPy's compiled loops (kills "
        "wrong/sliding-window-view-sum.py and wrong/convolve-valid.py)",
    },
    {
        "name": "long series, narrow window",
        "kind": "hidden",
        "args": (_big[:6_000], 50),
        "note": "6,000 values, window 50",
    },
]
