"""Tests for Newton / IRLS logistic regression. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size rows; labels drawn from a logistic model (never separable); sometimes an intercept column."""
    n = max(2, int(size))
    d = int(rng.integers(1, 11))
    X = rng.normal(0, float(rng.choice([0.5, 1.0, 3.0])), size=(n, d))
    if rng.random() < 0.5:
        X[:, 0] = 1.0
    w_true = rng.normal(0, 1, size=d)
    y = (rng.random(n) < 1 / (1 + np.exp(-(X @ w_true)))).astype(np.int64)
    lam = float(rng.choice([1e-3, 0.1, 1.0, 10.0]))
    return (X, y, lam, int(rng.integers(0, 16)))


_X = np.array([[1.0, 0.5], [1.0, 1.5], [1.0, 2.0], [1.0, 3.0], [1.0, 3.5]])
_Y = np.array([0, 0, 1, 0, 1])
_R = np.random.default_rng(77)

_SEP_X = np.column_stack([np.ones(40), np.linspace(-3, 3, 40)])
_SEP_Y = (np.linspace(-3, 3, 40) > 0).astype(np.int64)

# separable with a small penalty: the scores of the Newton iterates reach +-44.9
_WIDE_X = np.column_stack([np.ones(40), np.linspace(-5, 5, 40)])
_WIDE_Y = (np.linspace(-5, 5, 40) > 0).astype(np.int64)

CASES = [
    {
        "name": "prompt example, one step",
        "kind": "visible",
        "args": (_X, _Y, 0.1, 1),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, ten steps",
        "kind": "visible",
        "args": (_X, _Y, 0.1, 10),
        "note": "converged",
    },
    {
        "name": "no steps",
        "kind": "hidden",
        "args": (_X, _Y, 0.1, 0),
        "expected": np.zeros(2),
        "note": "n_iter = 0: the zero start",
    },
    {
        "name": "no penalty",
        "kind": "hidden",
        "args": (_X, _Y, 0.0, 8),
        "note": "lam = 0 on non-separable data: plain Newton",
    },
    {
        "name": "separable data with a penalty",
        "kind": "hidden",
        "args": (_SEP_X, _SEP_Y, 0.01, 25),
        "note": "separable: scores grow large, only the penalty keeps w finite; catches an overflowing sigmoid",
    },
    {
        "name": "scores near the stated 50",
        "kind": "hidden",
        "args": (_WIDE_X, _WIDE_Y, 0.01, 25),
        "note": "scores reach +-44.9, where p rounds to exactly 0 or 1: kills "
        "wrong/irls_working_response.py, whose (y - p) / (p (1 - p)) is 0 / 0",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": (np.array([[2.0, -1.0, 0.5]]), np.array([1]), 1.0, 5),
        "note": "n = 1 < d: the penalty makes H invertible",
    },
    {
        "name": "all labels equal",
        "kind": "hidden",
        "args": (_R.normal(size=(30, 3)), np.zeros(30, dtype=np.int64), 2.0, 10),
        "note": "one class only",
    },
    {
        "name": "strong penalty, sum not mean",
        "kind": "hidden",
        "args": (_R.normal(size=(200, 4)), (_R.random(200) < 0.4).astype(np.int64), 5.0, 12),
        "note": "lam = 5 with n = 200: a mean loss (lam relative to 1/n) gives other weights",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (
            np.column_stack([np.ones(500), np.random.default_rng(500).normal(size=(500, 9))]),
            (np.random.default_rng(501).random(500) < 0.3).astype(np.int64),
            0.5,
            15,
        ),
        "note": "n = 500, d = 10, 15 steps",
    },
]
