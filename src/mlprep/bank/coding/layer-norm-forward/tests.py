"""Tests for the layer-norm forward pass. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size vectors as (N, D) or (B, T, D); offsets and scales vary per vector."""
    n = max(1, int(size))
    d = int(rng.choice([1, 2, 3, 8, 16, 64, 128]))
    if rng.random() < 0.5 and n % 2 == 0:
        shape = (2, n // 2, d)
    else:
        shape = (n, d)
    offset = rng.uniform(-50, 50, size=shape[:-1] + (1,))
    x = offset + rng.normal(0, 1, size=shape) * rng.uniform(0.1, 5, size=shape[:-1] + (1,))
    gamma = rng.uniform(0.2, 3.0, size=d)
    beta = rng.normal(0, 1, size=d)
    return (x, gamma, beta, float(rng.choice([1e-5, 1e-3, 0.1])))


def _big_offset():
    rng = np.random.default_rng(9)
    x = 1.0e4 + rng.normal(0, 0.01, size=(6, 32))
    return (x, rng.uniform(0.5, 2, size=32), rng.normal(0, 1, size=32), 1e-5)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            np.array([[1.0, 2.0, 3.0, 6.0], [4.0, 4.0, 4.0, 8.0]]),
            np.array([1.0, 1.0, 2.0, 2.0]),
            np.array([0.0, 0.5, 0.0, -1.0]),
            1e-5,
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "sequences of tokens",
        "kind": "visible",
        "args": (
            np.arange(24, dtype=float).reshape(2, 3, 4) ** 1.5,
            np.array([1.0, 2.0, 0.5, 1.0]),
            np.array([0.0, 0.0, 1.0, -1.0]),
            1e-3,
        ),
        "note": "3-D (B, T, D) input: statistics over the last axis only",
    },
    {
        "name": "one feature",
        "kind": "hidden",
        "args": (np.array([[3.0], [-7.0], [0.5]]), np.array([2.0]), np.array([0.25]), 1e-5),
        "note": "D = 1: every vector is constant, the output is beta",
    },
    {
        "name": "one vector",
        "kind": "hidden",
        "args": (np.array([[2.0, -1.0, 4.0]]), np.array([1.0, 1.0, 1.0]), np.zeros(3), 0.01),
        "note": "N = 1: a batch-axis solution would return beta everywhere",
    },
    {
        "name": "constant vector with eps",
        "kind": "hidden",
        "args": (
            np.array([[5.0, 5.0, 5.0, 5.0], [1.0, 2.0, 3.0, 4.0]]),
            np.array([1.0, 2.0, 3.0, 4.0]),
            np.array([0.1, 0.2, 0.3, 0.4]),
            0.5,
        ),
        "note": "a constant row normalises to 0; a large eps shows where it goes",
    },
    {
        "name": "large common offset",
        "kind": "hidden",
        "args": _big_offset(),
        "note": "offset 1e4, spread 0.01: catches the one-pass E[x^2] - E[x]^2 variance",
    },
    {
        "name": "square input",
        "kind": "hidden",
        "args": (
            np.random.default_rng(3).normal(0, 2, size=(8, 8)),
            np.linspace(0.5, 2.0, 8),
            np.linspace(-1, 1, 8),
            1e-5,
        ),
        "note": "N = D: normalising the wrong axis still gives the right shape",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (
            np.random.default_rng(5).normal(3, 2, size=(4, 64, 128)),
            np.random.default_rng(6).uniform(0.5, 2, size=128),
            np.random.default_rng(7).normal(0, 1, size=128),
            1e-5,
        ),
        "note": "32,768 values in (4, 64, 128)",
    },
]
