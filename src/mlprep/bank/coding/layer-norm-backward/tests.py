"""Tests for the layer-norm backward pass. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """N = size rows, D up to 512; some rows offset by 1e6 (values far from 0), some constant."""
    n = max(1, int(size))
    d = int(rng.choice([1, 2, 3, 8, 64, 512] if n <= 64 else [16, 128, 512]))
    kind = rng.integers(0, 3)
    # offset rows keep a spread of at least 1: the input itself then carries ~1e-10 error
    x = rng.normal(0, float(rng.choice([1.0, 5.0] if kind == 1 else [0.1, 1.0, 5.0])), size=(n, d))
    if kind == 1:
        x[rng.random(n) < 0.5] += 1e6
    elif kind == 2:
        x[rng.random(n) < 0.3] = float(rng.normal())
    gamma = rng.normal(1.0, 0.5, d)
    dout = rng.normal(0, 1, (n, d))
    return (x, gamma, dout, float(rng.choice([1e-5, 1e-3, 0.1])))


_X = np.array([[1.0, 2.0, 3.0, 4.0], [2.0, 0.0, 0.0, 2.0]])
_G = np.array([1.0, 0.5, 2.0, 1.0])
_D = np.array([[0.1, -0.2, 0.3, 0.0], [1.0, 0.0, 0.0, -1.0]])
_R = np.random.default_rng(99)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _G, _D, 1e-5),
        "note": "the example from the prompt",
    },
    {
        "name": "single feature",
        "kind": "hidden",
        "args": (np.array([[3.0], [-1.0]]), np.array([2.0]), np.array([[0.5], [1.5]]), 1e-5),
        "note": "D = 1: xhat = 0, dx = 0, dgamma = 0",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": (_R.normal(size=(1, 7)), _R.normal(size=7), _R.normal(size=(1, 7)), 1e-3),
        "note": "N = 1: dgamma and dbeta are that row's terms",
    },
    {
        "name": "constant rows",
        "kind": "hidden",
        "args": (np.full((3, 5), 2.5), _R.normal(size=5), _R.normal(size=(3, 5)), 1e-5),
        "note": "zero variance: xhat = 0 and s = 1/sqrt(eps) (epsilon inside the root)",
    },
    {
        "name": "offset rows",
        "kind": "hidden",
        "args": (1e6 + _R.normal(0, 1, size=(6, 32)), _R.normal(1, 0.3, 32), _R.normal(size=(6, 32)), 1e-5),
        "note": "values far from zero (1e6 offset, spread 1): E[x^2] - mu^2 loses the variance",
    },
    {
        "name": "large eps",
        "kind": "hidden",
        "args": (_R.normal(0, 0.1, size=(4, 6)), _R.normal(size=6), _R.normal(size=(4, 6)), 1.0),
        "note": "eps = 1 dominates a variance of 0.01: eps outside the square root is far off",
    },
    {
        "name": "gamma of zeros",
        "kind": "hidden",
        "args": (_R.normal(size=(3, 4)), np.zeros(4), _R.normal(size=(3, 4)), 1e-5),
        "note": "gamma = 0: dx = 0 while dgamma and dbeta are not",
    },
    {
        "name": "integer inputs",
        "kind": "hidden",
        "args": (np.array([[1, 5, 2], [0, 0, 3]]), np.array([1, 2, 1]), np.array([[1, 0, -1], [2, 1, 0]]), 1e-5),
        "note": "integer dtype arrays: compute in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_R.normal(0, 2, size=(256, 512)), _R.normal(1, 0.2, 512), _R.normal(size=(256, 512)), 1e-5),
        "note": "N = 256, D = 512",
    },
]
