"""Tests for the batch-norm forward pass. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Features on different scales and offsets; eps large enough to matter."""
    n = max(1, int(size))
    d = int(rng.integers(1, 13))
    x = rng.normal(rng.uniform(-5, 5, size=d), rng.uniform(0.1, 4, size=d), size=(n, d))
    gamma = rng.uniform(0.2, 3.0, size=d)
    beta = rng.normal(0, 1, size=d)
    eps = float(rng.choice([1e-3, 0.01, 0.1, 0.5]))
    return (x, gamma, beta, eps)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            np.array([[1.0, 2.0], [3.0, 6.0]]),
            np.array([1.0, 2.0]),
            np.array([0.0, 1.0]),
            0.0,
        ),
        "expected": (
            np.array([[-1.0, -1.0], [1.0, 3.0]]),
            np.array([2.0, 4.0]),
            np.array([1.0, 4.0]),
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "epsilon inside the root",
        "kind": "visible",
        "args": (np.array([[0.0], [2.0]]), np.array([1.0]), np.array([0.0]), 1.0),
        "expected": (
            np.array([[-1 / np.sqrt(2)], [1 / np.sqrt(2)]]),
            np.array([1.0]),
            np.array([1.0]),
        ),
        "note": "var = 1, eps = 1: divide by sqrt(2), not by 2",
    },
    {
        "name": "batch of one",
        "kind": "hidden",
        "args": (
            np.array([[4.0, -3.0, 7.0]]),
            np.array([2.0, 2.0, 2.0]),
            np.array([0.5, -0.5, 1.0]),
            1e-5,
        ),
        "expected": (np.array([[0.5, -0.5, 1.0]]), np.array([4.0, -3.0, 7.0]), np.zeros(3)),
        "note": "N = 1: variance 0, output equals beta",
    },
    {
        "name": "constant feature with eps",
        "kind": "hidden",
        "args": (
            np.array([[5.0, 1.0], [5.0, 2.0], [5.0, 6.0]]),
            np.array([1.0, 1.0]),
            np.array([0.0, 0.0]),
            0.01,
        ),
        "note": "a constant column becomes 0, guarded by eps",
    },
    {
        "name": "more features than examples",
        "kind": "hidden",
        "args": generate(np.random.default_rng(4), 3),
        "note": "statistics must run over the batch axis even when N < D",
    },
    {
        "name": "feature far from zero, small spread",
        "kind": "hidden",
        "args": (
            np.column_stack(
                [
                    np.random.default_rng(8).normal(1e5, 0.1, 300),
                    np.random.default_rng(9).normal(-2.0, 1.0, 300),
                ]
            ),
            np.array([1.5, 0.5]),
            np.array([0.25, -1.0]),
            1e-4,
        ),
        "note": "one-pass-variance: mean(x^2) - mean(x)^2 near 1e10 cancels to a variance of 0.01",
    },
    {
        "name": "large batch",
        "kind": "hidden",
        "args": generate(np.random.default_rng(6), 400),
        "note": "400 examples",
    },
]
