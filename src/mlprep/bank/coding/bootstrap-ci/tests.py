"""Tests for the percentile bootstrap interval. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Skewed data and uniformly drawn resample indices; B varies independently of n."""
    n = max(1, int(size))
    data = rng.lognormal(0.0, 1.0, size=n)
    b = int(rng.integers(1, 400))
    idx = rng.integers(0, n, size=(b, n))
    alpha = float(rng.choice([0.01, 0.05, 0.1, 0.2, 0.37]))
    if rng.random() < 0.5:
        return (data.tolist(), idx, alpha)
    return (data, idx, alpha)


_EXAMPLE_IDX = np.array([[0, 0, 1, 1], [2, 3, 3, 3], [0, 1, 2, 3], [3, 3, 3, 3], [0, 0, 0, 0]])
_big_rng = np.random.default_rng(13)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([1, 2, 3, 4], _EXAMPLE_IDX, 0.2),
        "expected": (1.2, 3.9),
        "note": "the example from the prompt",
    },
    {
        "name": "quartiles land on order statistics",
        "kind": "hidden",
        "args": ([1, 2, 3, 4], _EXAMPLE_IDX, 0.5),
        "expected": (1.5, 3.75),
        "note": "h = 1 and h = 3: no interpolation needed",
    },
    {
        "name": "single resample",
        "kind": "hidden",
        "args": ([2.0, 8.0], np.array([[1, 1]]), 0.05),
        "expected": (8.0, 8.0),
        "note": "B = 1: both ends equal the only resample mean",
    },
    {
        "name": "single data point",
        "kind": "hidden",
        "args": ([5.5], np.zeros((10, 1), dtype=int), 0.1),
        "expected": (5.5, 5.5),
        "note": "n = 1: every resample is the same",
    },
    {
        "name": "ninety-five percent",
        "kind": "hidden",
        "args": (np.arange(10.0), np.random.default_rng(2).integers(0, 10, size=(41, 10)), 0.05),
        "note": "B = 41 so the 2.5% and 97.5% positions interpolate",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (
            _big_rng.exponential(size=2000),
            _big_rng.integers(0, 2000, size=(2000, 2000)),
            0.05,
        ),
        "note": "2,000 resamples of 2,000 values",
    },
]
