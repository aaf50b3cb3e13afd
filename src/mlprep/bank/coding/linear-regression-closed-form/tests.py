"""Tests for closed-form linear regression. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """A noisy linear target; sometimes a duplicated or a constant column makes A^T A singular."""
    n = max(size, 2)
    d = int(rng.integers(1, 5))
    X = rng.normal(0, 2, size=(n, d))
    kind = rng.integers(0, 3)
    if kind == 1:
        X = np.column_stack([X, X[:, 0]])
    elif kind == 2:
        X = np.column_stack([X, np.full(n, rng.uniform(-3, 3))])
    y = X @ rng.normal(0, 3, size=X.shape[1]) + rng.normal(0, 5) + rng.normal(0, 1, size=n)
    if rng.random() < 0.3:
        return (X.tolist(), y.tolist())
    return (X, y)


def _near_collinear():
    rng = np.random.default_rng(7)
    t = rng.normal(0, 2, size=50)
    X = np.column_stack([t, t + 1e-7 * rng.normal(size=50)])
    return (X, 1 + 2 * X[:, 0] + 3 * X[:, 1])


_X_dup = np.array([[1.0, 1.0], [2.0, 2.0], [4.0, 4.0]])

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]),
        "expected": np.array([1.0, 2.0]),
        "note": "the example from the prompt: an exact line",
    },
    {
        "name": "noisy line",
        "kind": "visible",
        "args": (np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([1.0, 2.0, 2.0, 4.0])),
        "expected": np.array([0.9, 0.9]),
        "note": "least squares through four points; the intercept is not zero",
    },
    {
        "name": "duplicate columns",
        "kind": "hidden",
        "args": (_X_dup, np.array([3.0, 5.0, 9.0])),
        "expected": np.array([1.0, 1.0, 1.0]),
        "note": "singular A^T A: y = 1 + 2x and the slope is split equally between the copies",
    },
    {
        "name": "constant column",
        "kind": "hidden",
        "args": ([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]], [1.0, 3.0, 5.0]),
        "expected": np.array([0.5, 2.0, 0.5]),
        "note": "a ones column duplicates the intercept: the minimum norm splits 1 into 0.5 + 0.5",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": ([[2.0]], [5.0]),
        "expected": np.array([1.0, 2.0]),
        "note": "one equation, two unknowns: the minimum-norm solution b + 2w = 5",
    },
    {
        "name": "more features than rows",
        "kind": "hidden",
        "args": (np.random.default_rng(1).normal(size=(3, 6)), np.array([1.0, -2.0, 0.5])),
        "note": "underdetermined: the error is 0 for many theta, take the smallest",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(21), 20_000),
        "note": "20,000 rows",
    },
    {
        "name": "constant column, 400 rows",
        "kind": "hidden",
        "args": generate(np.random.default_rng(37), 400),
        "note": "the constant column's singular value is 1.1e-15 of the largest: below the "
        "prompt's cut-off (8.9e-14 here), above np.linalg.pinv's default 1e-15 "
        "(kills wrong/pinv_default_cutoff.py)",
    },
    {
        "name": "nearly collinear columns",
        "kind": "hidden",
        "args": _near_collinear(),
        "expected": np.array([1.0, 2.0, 3.0]),
        "note": "two columns 1e-7 apart: the smallest singular value is 2.3e-8 of the largest, "
        "well above the cut-off, so the unique fit (1, 2, 3) stands (kills a 1e-6 cut-off, "
        "the normal equation, pinv of A^T A and float32)",
    },
]
