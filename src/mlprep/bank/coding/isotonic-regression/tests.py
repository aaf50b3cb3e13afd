"""Tests for weighted isotonic regression (PAVA). Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """n = size points; trend plus noise, integer-valued or float y, equal or spread weights."""
    n = max(0, int(size))
    mode = int(rng.integers(4))
    slope = float(rng.choice([-1.0, 0.0, 1.0]))
    if mode == 0:  # noisy trend
        y = slope * np.linspace(0, 10, n) + rng.normal(0, 2, size=n)
    elif mode == 1:  # integer-valued y (int dtype): block means are fractions
        y = rng.integers(-5, 6, size=n)
    elif mode == 2:  # random walk: long pooled blocks
        y = np.cumsum(rng.normal(0, 1, size=n))
    else:  # large values with a small spread
        y = 1e6 + rng.normal(0, 1, size=n)
    if rng.random() < 0.4:
        w = np.ones(n)
    else:
        w = np.exp(rng.uniform(np.log(1e-3), np.log(1e3), size=n))
    return (y, w, bool(rng.random() < 0.6))


_R = np.random.default_rng(17)
_BIG_N = 100_000

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (np.array([1.0, 3.0, 2.0, 4.0, 3.5, 5.0]), np.ones(6), True),
        "note": "the example from the prompt: two violating pairs are pooled",
    },
    {
        "name": "prompt example, weighted int y",
        "kind": "visible",
        "args": (np.array([3, 1, 2]), np.array([1.0, 2.0, 1.0]), True),
        "note": "int y: the pooled mean 5/3 must stay a float",
    },
    {
        "name": "empty",
        "kind": "hidden",
        "args": (np.zeros(0), np.zeros(0), True),
        "expected": np.zeros(0),
        "note": "n = 0: an empty float array",
    },
    {
        "name": "single point",
        "kind": "hidden",
        "args": (np.array([-2.5]), np.array([0.3]), False),
        "note": "n = 1: the fit is the value itself",
    },
    {
        "name": "integer-only y",
        "kind": "hidden",
        "args": (np.array([4, 0, 0, 1, 7, 2], dtype=np.int64), np.ones(6), True),
        "note": "int dtype y, pooled means 4/3 and 9/2: an int output array truncates them",
    },
    {
        "name": "cascade back to the start",
        "kind": "hidden",
        "args": (np.array([5.0, 6.0, 7.0, 8.0, 0.0]), np.ones(5), True),
        "note": "the last value forces merges all the way back: one pass of pairwise pooling is not enough",
    },
    {
        "name": "weights decide the pooled level",
        "kind": "hidden",
        "args": (np.array([10.0, 0.0, 1.0, -1.0]), np.array([1000.0, 0.001, 1.0, 5.0]), True),
        "note": "heavy first point: an unweighted mean or a mean of block means is far off",
    },
    {
        "name": "merge of unequal blocks",
        "kind": "hidden",
        "args": (np.array([3.0, 2.0, 1.0, 0.0, 10.0, 0.5]), np.array([1.0, 1.0, 1.0, 1.0, 1.0, 3.0]), True),
        "note": "a four-point block meets later blocks: merging must weight each block by its total weight",
    },
    {
        "name": "non-increasing fit",
        "kind": "hidden",
        "args": (np.array([1.0, 3.0, 2.0, 4.0, 3.5, 5.0]), np.array([1.0, 2.0, 1.0, 0.5, 1.0, 1.0]), False),
        "note": "increasing = False on rising data: everything pools",
    },
    {
        "name": "non-increasing, mixed",
        "kind": "hidden",
        "args": (np.array([9.0, 7.0, 8.0, 3.0, 3.0, 4.0, -1.0]), np.array([1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]), False),
        "note": "decreasing data with violations and a duplicate plateau",
    },
    {
        "name": "already monotone with plateaus",
        "kind": "hidden",
        "args": (np.array([0.0, 0.0, 1.0, 1.0, 1.0, 2.0]), np.ones(6), True),
        "note": "duplicates: equal neighbours are not violations; the fit equals y",
    },
    {
        "name": "near-violation of 1e-10",
        "kind": "hidden",
        "args": (np.array([1.0, 1.0 - 1e-10, 2.0, 2.0 + 1e-10, 2.0]), np.array([1.0, 2.0, 1.0, 1.0, 1.0]), True),
        "note": "violations of 1e-10 (not bit-equal values): pooled, and the fit stays within tolerance",
    },
    {
        "name": "all decreasing, increasing fit",
        "kind": "hidden",
        "args": (-np.arange(2000, dtype=float), _R.uniform(0.5, 2.0, size=2000), True),
        "note": "one block: the weighted mean of everything",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (np.cumsum(_R.normal(0, 1, size=_BIG_N)), _R.uniform(0.1, 10.0, size=_BIG_N), True),
        "note": "n = 100,000 random walk: needs the linear-time stack",
    },
    {
        "name": "largest stated size, one late violation",
        "kind": "hidden",
        "args": (np.append(np.arange(_BIG_N - 1, dtype=float), -1e6), np.ones(_BIG_N), True),
        "note": (
            "n = 100,000 increasing values and a last one far below: it pools back through "
            "every block, so a rescan from the start after each merge is quadratic "
            "(wrong/quadratic_rescan.py)"
        ),
    },
    {
        "name": "largest stated size, decreasing",
        "kind": "hidden",
        "args": (np.arange(_BIG_N, dtype=float) % 1000, np.ones(_BIG_N), False),
        "note": "n = 100,000, sawtooth with a non-increasing fit",
    },
]
