"""Tests for alternating least squares. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _ratings(rng, m, n, density, k_true=2, junk="nan"):
    """Low-rank ratings on 1..5 plus noise; unobserved cells hold NaN or junk values."""
    a = rng.normal(0, 1, size=(m, k_true))
    b = rng.normal(0, 1, size=(n, k_true))
    full = np.clip(np.round(3 + a @ b.T + rng.normal(0, 0.5, size=(m, n))), 1, 5)
    observed = rng.random((m, n)) < density
    ratings = full.copy()
    ratings[~observed] = np.nan if junk == "nan" else 99.0
    return ratings, observed


def generate(rng, size):
    """size users and about size items; density 0.05-0.6; NaN or junk (99) in unobserved cells."""
    m = max(1, int(size))
    n = max(1, int(size * rng.uniform(0.5, 1.5)))
    k = int(rng.integers(1, 9))
    ratings, observed = _ratings(
        rng, m, n, float(rng.choice([0.05, 0.2, 0.6])), junk=str(rng.choice(["nan", "junk"]))
    )
    v0 = rng.normal(0, 0.5, size=(n, k))
    return (ratings, observed, v0, float(rng.choice([0.01, 0.1, 1.0, 5.0])), int(rng.integers(0, 11)))


_EX_R = np.array([[5.0, 3.0, np.nan], [4.0, np.nan, 1.0], [np.nan, 1.0, 5.0]])
_EX_M = ~np.isnan(_EX_R)
_EX_V = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])

_R1, _M1 = _ratings(np.random.default_rng(181), 12, 9, 0.4)
_M1[3, :] = False  # a user with no ratings
_M1[:, 5] = False  # an item with no ratings
_R1[~_M1] = np.nan

_RJ, _MJ = _ratings(np.random.default_rng(182), 10, 8, 0.5, junk="junk")

_RB, _MB = _ratings(np.random.default_rng(183), 400, 400, 0.05)
_VB = np.random.default_rng(184).normal(0, 0.5, size=(400, 8))

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EX_R, _EX_M, _EX_V, 0.1, 1),
        "note": "the example from the prompt: one sweep, NaN in the unobserved cells",
    },
    {
        "name": "prompt example, twenty sweeps",
        "kind": "hidden",
        "args": (_EX_R, _EX_M, _EX_V, 0.1, 20),
        "note": "more sweeps on the same data",
    },
    {
        "name": "no sweeps",
        "kind": "hidden",
        "args": (_EX_R, _EX_M, _EX_V, 0.1, 0),
        "expected": (np.zeros((3, 2)), _EX_V.copy()),
        "note": "n_iters = 0: zero user factors and an unchanged copy of the item factors",
    },
    {
        "name": "user and item without ratings",
        "kind": "hidden",
        "args": (_R1, _M1, np.random.default_rng(185).normal(size=(9, 3)), 0.5, 4),
        "note": "an empty row and an empty column: their factors are exactly zero, and NaN must not leak",
    },
    {
        "name": "junk in unobserved cells",
        "kind": "hidden",
        "args": (_RJ, _MJ, np.random.default_rng(186).normal(size=(8, 2)), 0.1, 3),
        "note": "unobserved cells hold 99, not NaN: treating them as data (or as 0) changes the fit",
    },
    {
        "name": "fully observed",
        "kind": "hidden",
        "args": (np.arange(12, dtype=float).reshape(4, 3), np.ones((4, 3), dtype=bool), np.eye(3)[:, :2] + 0.1, 1.0, 5),
        "note": "every cell observed",
    },
    {
        "name": "one factor",
        "kind": "hidden",
        "args": (_EX_R, _EX_M, np.array([[1.0], [-1.0], [2.0]]), 0.01, 6),
        "note": "k = 1 and a small penalty",
    },
    {
        "name": "single user",
        "kind": "hidden",
        "args": (np.array([[2.0, np.nan, 4.0, 1.0]]), np.array([[True, False, True, True]]), np.full((4, 2), 0.5), 0.3, 3),
        "note": "m = 1",
    },
    {
        "name": "strong penalty",
        "kind": "hidden",
        "args": (_R1, _M1, np.random.default_rng(187).normal(size=(9, 4)), 25.0, 5),
        "note": "lam = 25: a penalty scaled by the number of ratings (ALS-WR) differs a lot",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_RB, _MB, _VB, 0.1, 10),
        "note": "400 x 400 at 5% density, k = 8, 10 sweeps",
    },
]
