"""Tests for standardize. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Columns on very different scales, sometimes a constant column."""
    n = max(1, int(size))
    m = int(rng.integers(1, 6))
    scales = 10.0 ** rng.uniform(-2, 3, size=m)
    X = rng.normal(rng.uniform(-50, 50, size=m), scales, size=(n, m))
    if m > 1 and rng.random() < 0.4:
        X[:, int(rng.integers(0, m))] = float(rng.integers(-8, 9)) / 2
    if rng.random() < 0.3:
        return (X.tolist(),)
    return (X,)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[1, 10], [2, 10], [3, 10]],),
        "expected": np.array([[-np.sqrt(1.5), 0.0], [0.0, 0.0], [np.sqrt(1.5), 0.0]]),
        "note": "the example from the prompt",
    },
    {
        "name": "two rows",
        "kind": "visible",
        "args": (np.array([[0.0, 4.0], [2.0, -4.0]]),),
        "expected": np.array([[-1.0, 1.0], [1.0, -1.0]]),
        "note": "population std of two values is half their distance",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": (np.array([[3.0, -7.0, 1e6]]),),
        "expected": np.zeros((1, 3)),
        "note": "n = 1: every column is constant",
    },
    {
        "name": "empty",
        "kind": "hidden",
        "args": (np.zeros((0, 3)),),
        "expected": np.zeros((0, 3)),
        "note": "no rows: shape (0, m)",
    },
    {
        "name": "constant column among others",
        "kind": "hidden",
        "args": (
            np.array([[1.0, -2.5, 5.0], [4.0, -2.5, 1.0], [7.0, -2.5, 3.0], [0.0, -2.5, 3.0]]),
        ),
        "note": "a float array input (must not be changed) with a constant column",
    },
    {
        "name": "different scales",
        "kind": "hidden",
        "args": (np.array([[1.0, 1000.0], [2.0, 3000.0], [3.0, 2000.0], [6.0, 10000.0]]),),
        "note": "one global std would mix the scales",
    },
    {
        "name": "tiny spread is not constant",
        "kind": "hidden",
        "args": (np.array([[1e-13, 4.0], [2e-13, 5.0], [4e-13, 9.0], [5e-13, 2.0]]),),
        "note": "tolerance-guard: sigma is about 1.6e-13, not 0, so column 0 is standardized",
    },
    {
        "name": "column far from zero, small spread",
        "kind": "hidden",
        "args": (
            np.column_stack(
                [
                    np.random.default_rng(31).normal(1e5, 0.1, 500),
                    np.random.default_rng(32).normal(0.0, 2.0, 500),
                ]
            ),
        ),
        "note": "one-pass-variance: mean(x^2) - mean(x)^2 near 1e10 cancels to a variance of 0.01",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (np.random.default_rng(5).normal(size=(1000, 6)) * 3 + 1,),
        "note": "1,000 x 6",
    },
]
