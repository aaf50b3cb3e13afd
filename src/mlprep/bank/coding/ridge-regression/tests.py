"""Tests for ridge regression. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """A linear target with a clearly non-zero intercept; sometimes a duplicated column."""
    n = max(size, 1)
    d = int(rng.integers(1, 6))
    X = rng.normal(rng.uniform(-3, 3), 2, size=(n, d))
    if rng.random() < 0.3:
        X = np.column_stack([X, X[:, 0]])
    y = X @ rng.normal(0, 2, size=X.shape[1]) + rng.uniform(3, 10) + rng.normal(0, 1, size=n)
    alpha = float(10 ** rng.uniform(-2, 2))
    if rng.random() < 0.3:
        return (X.tolist(), y.tolist(), alpha)
    return (X, y, alpha)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], 2.0),
        "expected": (np.array([1.0]), 2.0),
        "note": "the example from the prompt",
    },
    {
        "name": "duplicate columns",
        "kind": "hidden",
        "args": (np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]), np.array([1.0, 3.0, 5.0]), 2.0),
        "expected": (np.array([2 / 3, 2 / 3]), 5 / 3),
        "note": "singular X^T X: alpha > 0 makes it solvable and splits the weight equally",
    },
    {
        "name": "constant column",
        "kind": "hidden",
        "args": ([[0.0, 4.0], [1.0, 4.0], [2.0, 4.0]], [1.0, 3.0, 5.0], 2.0),
        "expected": (np.array([1.0, 0.0]), 2.0),
        "note": "a constant feature carries nothing once the intercept is free",
    },
    {
        "name": "single sample",
        "kind": "hidden",
        "args": ([[3.0, -1.0]], [7.0], 0.5),
        "expected": (np.array([0.0, 0.0]), 7.0),
        "note": "n = 1: the intercept fits the point and the weights stay zero",
    },
    {
        "name": "more features than rows",
        "kind": "hidden",
        "args": (
            np.random.default_rng(2).normal(size=(4, 7)),
            np.array([1.0, 2.0, -1.0, 5.0]),
            0.3,
        ),
        "note": "d > n",
    },
    {
        "name": "large intercept",
        "kind": "hidden",
        "args": (*generate(np.random.default_rng(8), 40)[:2], 50.0),
        "note": "a strong penalty: the intercept must not be shrunk",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(18), 20_000),
        "note": "20,000 rows",
    },
]
