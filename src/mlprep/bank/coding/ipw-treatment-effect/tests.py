"""Tests for inverse propensity weighting. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """n = size units with a confounder; some scores pushed to 0, 1 or near the clip bound.

    Labels come in random order; clip is 0 only when no treated unit has e = 0 and no
    control unit has e = 1 (the stated guarantee).
    """
    n = max(2, int(size))
    x = rng.normal(0, 1, n)
    e = 1 / (1 + np.exp(-float(rng.choice([0.5, 2.0, 4.0])) * x))
    extreme = rng.random(n) < 0.05
    e[extreme] = rng.choice([0.0, 1.0, 1e-3, 1 - 1e-3, 0.05, 0.95], size=int(extreme.sum()))
    t = (rng.random(n) < e).astype(np.int64)
    t[rng.choice(n, 2, replace=False)] = [1, 0]
    y = 3.0 * x + 2.0 * t + rng.normal(0, 1, n)
    clip = float(rng.choice([0.0, 0.01, 0.05, 0.1]))
    if clip == 0.0 and (np.any((t == 1) & (e == 0.0)) or np.any((t == 0) & (e == 1.0))):
        clip = 0.01
    return (y, t, e, clip)


_Y = np.array([12.0, 9.0, 15.0, 7.0, 11.0, 6.0])
_T = np.array([1, 0, 1, 0, 1, 0])
_E = np.array([0.8, 0.6, 0.5, 0.2, 0.02, 0.3])
_R = np.random.default_rng(66)
_BX = _R.normal(size=100_000)
_BE = 1 / (1 + np.exp(-1.5 * _BX))
_BT = (_R.random(100_000) < _BE).astype(np.int64)
_BY = 2.0 * _BX + 1.5 * _BT + _R.normal(size=100_000)

CASES = [
    {
        "name": "prompt example, clipped",
        "kind": "visible",
        "args": (_Y, _T, _E, 0.05),
        "note": "the example from the prompt: 0.02 is clipped to 0.05",
    },
    {
        "name": "prompt example, unclipped",
        "kind": "visible",
        "args": (_Y, _T, _E, 0.0),
        "note": "clip = 0: the 0.02 score gives a weight of 50",
    },
    {
        "name": "scores of exactly 0 and 1",
        "kind": "hidden",
        "args": (np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([1, 0, 0, 1, 0]), np.array([1.0, 0.0, 1.0, 0.0, 0.5]), 0.1),
        "note": "values outside the clipping range on both sides: 0 and 1 become 0.1 and 0.9",
    },
    {
        "name": "controls with high scores",
        "kind": "hidden",
        "args": (np.array([5.0, 4.0, 6.0, 2.0]), np.array([0, 0, 1, 0]), np.array([0.97, 0.5, 0.5, 0.999]), 0.05),
        "note": "the upper clip 1 - clip matters for control units",
    },
    {
        "name": "score exactly on the bound",
        "kind": "hidden",
        "args": (np.array([3.0, 1.0, 2.0, 8.0]), np.array([1, 0, 1, 0]), np.array([0.05, 0.95, 0.5, 0.5]), 0.05),
        "note": "scores equal to clip and 1 - clip stay as they are",
    },
    {
        "name": "randomised experiment",
        "kind": "hidden",
        "args": (np.array([4.0, 6.0, 5.0, 1.0, 2.0, 3.0, 9.0]), np.array([1, 1, 1, 0, 0, 0, 1]), np.full(7, 0.5), 0.0),
        "note": "constant scores with unbalanced groups: Hajek is the difference in means, HT is not",
    },
    {
        "name": "one unit per group",
        "kind": "hidden",
        "args": (np.array([10.0, 4.0]), np.array([0, 1]), np.array([0.3, 0.6]), 0.0),
        "note": "smallest input, control listed first",
    },
    {
        "name": "labels in sorted order",
        "kind": "hidden",
        "args": (np.sort(_Y), np.sort(_T), np.sort(_E), 0.05),
        "note": "controls first then treated: the mask, not positions, decides the groups",
    },
    {
        "name": "integer outcomes",
        "kind": "hidden",
        "args": (np.array([3, 0, 5, 2, 1]), np.array([1, 0, 1, 0, 0]), np.array([0.25, 0.5, 0.75, 0.5, 0.25]), 0.0),
        "note": "integer dtype outcome: weights in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BY, _BT, _BE, 0.01),
        "note": "n = 100,000 with a confounder",
    },
]
