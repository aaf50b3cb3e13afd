"""Tests for the sigmoid focal loss and its gradient. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """N = size anchors; logits at several scales with some at +-40 and +-1000; positive
    rates from none to all; alpha and gamma at their edges and in between."""
    n = int(size)
    c = 80 if n >= 1000 else int(rng.integers(1, 9))
    scale = float(rng.choice([1.0, 5.0, 50.0]))
    x = rng.normal(0, scale, size=(n, c))
    extreme = rng.random((n, c)) < 0.05  # outside any clipping range
    x[extreme] = rng.choice([-1000.0, -800.0, -40.0, 40.0, 800.0, 1000.0], size=int(extreme.sum()))
    if rng.random() < 0.2:
        x = np.round(x).astype(np.int64)  # integer logits
    rate = float(rng.choice([0.0, 0.01, 0.3, 1.0]))
    y = (rng.random((n, c)) < rate).astype(np.int64)
    alpha = float(rng.choice([0.0, 0.25, 0.5, 1.0, float(rng.random())]))
    gamma = rng.choice([0.0, 0.5, 1.0, 2.0, 5.0, float(rng.uniform(0, 5)), 2])
    gamma = int(gamma) if isinstance(gamma, np.integer) else float(gamma)
    return (x, y, alpha, gamma)


_X = np.array([[2.0, -1.0, 0.5], [-3.0, 0.5, 1.0]])
_Y = np.array([[1, 0, 0], [0, 0, 1]])
_R = np.random.default_rng(9)

_BIG_X = np.random.default_rng(10_000).normal(0, 4, size=(10_000, 80))
_BIG_X[::97, ::7] = -1000.0
_BIG_Y = (np.random.default_rng(10_001).random((10_000, 80)) < 0.002).astype(np.int64)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _Y, 0.25, 2.0),
        "note": "the example from the prompt: two positives, gamma = 2",
    },
    {
        "name": "prompt example, gamma 0",
        "kind": "visible",
        "args": (_X, _Y, 0.25, 0.0),
        "note": "gamma = 0: alpha-weighted binary cross-entropy",
    },
    {
        "name": "confidently wrong at 1000",
        "kind": "visible",
        "args": (np.array([[-1000.0, 1000.0]]), np.array([[1, 0]]), 0.25, 2.0),
        "note": "logits of +-1000 on the wrong side: log p_t = -1000 exactly, no clipping, no overflow",
    },
    {
        "name": "no anchors",
        "kind": "hidden",
        "args": (np.zeros((0, 5)), np.zeros((0, 5), dtype=np.int64), 0.25, 2.0),
        "expected": (0.0, np.zeros((0, 5))),
        "note": "empty input: loss 0.0 and an empty (0, C) gradient",
    },
    {
        "name": "background-only image",
        "kind": "hidden",
        "args": (_R.normal(0, 2, size=(6, 3)), np.zeros((6, 3), dtype=np.int64), 0.25, 2.0),
        "note": "no positive entry: the normaliser is max(1, 0) = 1, not a division by zero",
    },
    {
        "name": "every entry positive",
        "kind": "hidden",
        "args": (_R.normal(0, 2, size=(4, 5)), np.ones((4, 5), dtype=np.int64), 0.25, 1.5),
        "note": "all targets 1: normalise by N * C positives, alpha on every entry",
    },
    {
        "name": "single entry",
        "kind": "hidden",
        "args": (np.array([[0.7]]), np.array([[0]]), 0.25, 2.0),
        "note": "N = C = 1, one negative: normaliser 1, weight 1 - alpha",
    },
    {
        "name": "fractional gamma, confident and correct",
        "kind": "hidden",
        "args": (
            np.array([[40.0, -40.0, 20.0, -745.0], [3.0, -3.0, 0.0, 750.0]]),
            np.array([[1, 0, 1, 0], [1, 0, 1, 1]]),
            0.25,
            0.5,
        ),
        "note": "gamma = 0.5 with 1 - p_t at or below 1e-16: q^(gamma - 1) would be infinite; the simplified gradient stays finite",
    },
    {
        "name": "saturated logits, both signs and targets",
        "kind": "hidden",
        "args": (
            np.array([[-1000.0, 1000.0, -800.0, 800.0], [-1000.0, 1000.0, -40.0, 40.0]]),
            np.array([[1, 1, 0, 0], [0, 0, 1, 0]]),
            0.4,
            2.0,
        ),
        "note": "values outside every clipping range: naive sigmoid/log gives inf or nan, a clipped probability gives about 16 instead of 1000",
    },
    {
        "name": "alpha 1",
        "kind": "hidden",
        "args": (_X, _Y, 1.0, 2.0),
        "note": "alpha = 1: negatives weigh nothing, their gradient is exactly 0",
    },
    {
        "name": "alpha 0",
        "kind": "hidden",
        "args": (_X, _Y, 0.0, 1.0),
        "note": "alpha = 0: positives weigh nothing; gamma = 1",
    },
    {
        "name": "integer logits and gamma",
        "kind": "hidden",
        "args": (
            np.array([[0, 2, -3, 1], [4, -1, 0, -2]]),
            np.array([[0, 1, 1, 0], [1, 0, 0, 0]]),
            0.25,
            2,
        ),
        "note": "int dtype logits and an int gamma: the arithmetic must be floating point (0 gives p = 0.5)",
    },
    {
        "name": "gamma 5",
        "kind": "hidden",
        "args": (
            _R.normal(0, 3, size=(8, 4)),
            (_R.random((8, 4)) < 0.3).astype(np.int64),
            0.25,
            5.0,
        ),
        "note": "the largest gamma: the modulating-factor term of the gradient dominates",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG_X, _BIG_Y, 0.25, 2.0),
        "note": "N = 10,000 anchors, C = 80, about 0.2% positives, a grid of -1000 logits",
    },
]
