"""Tests for one-hot encoding. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """String or int categories with skewed frequencies, in random first-appearance order."""
    n = max(1, int(size))
    c = int(rng.integers(1, min(n, 12) + 1))
    codes = rng.integers(0, c, size=n)
    if rng.random() < 0.5:
        names = [f"cat_{int(v)}" for v in rng.permutation(40)[:c]]
        return ([names[int(i)] for i in codes],)
    ids = [int(v) for v in rng.permutation(100)[:c] - 50]
    return ([ids[int(i)] for i in codes],)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (["red", "green", "red", "blue"],),
        "expected": (
            ["red", "green", "blue"],
            np.array([[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1]]),
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "integer categories keep first-appearance order",
        "kind": "visible",
        "args": ([30, 10, 20, 10],),
        "expected": ([30, 10, 20], np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]])),
        "note": "sorted order would be 10, 20, 30",
    },
    {
        "name": "empty",
        "kind": "hidden",
        "args": ([],),
        "expected": ([], np.zeros((0, 0), dtype=int)),
        "note": "no values: no categories and a (0, 0) matrix",
    },
    {
        "name": "single value",
        "kind": "hidden",
        "args": (["only"],),
        "expected": (["only"], np.array([[1]])),
        "note": "one row, one column",
    },
    {
        "name": "all the same",
        "kind": "hidden",
        "args": ([7, 7, 7],),
        "expected": ([7], np.array([[1], [1], [1]])),
        "note": "one category repeated",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": ([f"u{int(v)}" for v in np.random.default_rng(9).integers(0, 8, size=700)],),
        "note": "700 values, 8 categories",
    },
]
