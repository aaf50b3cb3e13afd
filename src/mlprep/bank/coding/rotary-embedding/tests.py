"""Tests for rotary position embedding. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """T = size rows; head sizes up to 128; positions unsorted, with gaps, up to 10,000."""
    t = max(1, int(size))
    d = 2 * int(rng.integers(1, 65))
    positions = rng.integers(0, 10_001, size=t)
    base = float(rng.choice([10_000.0, 500.0, 1e6]))
    return (rng.normal(0, 1, size=(t, d)), positions, base)


_R = np.random.default_rng(41)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (np.array([[1.0, 0.0, 1.0, 0.0], [1.0, 2.0, 3.0, 4.0]]), np.array([0, 3]), 100.0),
        "note": "the example from the prompt",
    },
    {
        "name": "one pair",
        "kind": "hidden",
        "args": (np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1, 2]), 10_000.0),
        "note": "d = 2: a plain rotation by m radians, counter-clockwise",
    },
    {
        "name": "cached decode step",
        "kind": "hidden",
        "args": (_R.normal(size=(1, 64)), np.array([517]), 10_000.0),
        "note": "one row at position 517: positions are not range(T)",
    },
    {
        "name": "unsorted positions with repeats",
        "kind": "hidden",
        "args": (_R.normal(size=(5, 8)), np.array([9, 0, 4, 4, 2]), 10_000.0),
        "note": "positions in any order, some equal",
    },
    {
        "name": "pairs are interleaved",
        "kind": "hidden",
        "args": (np.arange(8.0).reshape(1, 8), np.array([5]), 10.0),
        "note": "distinct values per column: the half-split layout pairs (0, 4), (1, 5)... instead",
    },
    {
        "name": "integer features",
        "kind": "hidden",
        "args": (np.array([[1, 2, 3, 4, 5, 6], [-1, 0, 2, 0, 1, 1]]), np.array([2, 7]), 10_000.0),
        "note": "integer dtype x: the result is a float array",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_R.normal(size=(512, 128)), _R.integers(0, 10_001, size=512), 10_000.0),
        "note": "T = 512, d = 128, positions up to 10,000",
    },
]
