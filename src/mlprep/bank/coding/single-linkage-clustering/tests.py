"""Tests for single-linkage agglomerative clustering. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _gaps_ok(X):
    """The prompt's promise: distances are exactly equal or at least 1e-10 (relative) apart."""
    X = np.asarray(X, dtype=float)
    i, j = np.triu_indices(len(X), k=1)
    d = np.unique(np.sqrt(((X[i] - X[j]) ** 2).sum(axis=1)))
    return bool(np.all(np.diff(d) >= 1e-10 * d[1:])) if len(d) > 1 else True


def generate(rng, size):
    """size points; integer grids (many exact ties), float blobs, or duplicates; k in [1, n].

    Redraws until distinct distances are at least 1e-10 apart (relative), as the prompt says.
    """
    while True:
        args = _draw(rng, size)
        if _gaps_ok(args[0]):
            return args


def _draw(rng, size):
    n = max(1, int(size))
    d = int(rng.integers(1, 5))
    mode = int(rng.integers(3))
    offset = 5000.0 if rng.random() < 0.3 else 0.0  # far from the origin
    if mode == 0:  # small integer coordinates: exact ties everywhere
        X = rng.integers(-4, 5, size=(n, d))
    elif mode == 1:  # float blobs
        centres = rng.normal(0, 5, size=(int(rng.integers(1, 6)), d))
        X = centres[rng.integers(0, len(centres), size=n)] + rng.normal(0, 1, size=(n, d))
    else:  # float points with repeats
        X = rng.normal(0, 3, size=(n, d))
        X[rng.integers(0, n, size=n // 2)] = X[rng.integers(0, n, size=n // 2)]
    return (X + offset, int(rng.integers(1, n + 1)))


_EX = np.array([[0, 0], [1, 0], [5, 0], [5, 1], [0, 3], [9, 9]])

# 1-D: after merging 0 and 3, the pairs (0, 2) and (1, 3) are both at distance 3
_TIE_AT_CUT = np.array([[1], [-3], [4], [0]])

# distance(0, 2) = 1 - 1e-10 beats distance(0, 1) = 1 (not a tie), near 5000
_NEAR = np.array([[5000.0, 5000.0], [5001.0, 5000.0], [4999.0000000001, 5000.0], [5010.0, 4990.0]])

_GRID = np.array([[x, y] for y in range(4) for x in range(5)])[::-1]  # a 5 x 4 unit grid, reversed

_BIG_FLOAT = generate(np.random.default_rng(231), 1000)[0]
_BIG_INT = np.random.default_rng(232).integers(0, 12, size=(1000, 3))

CASES = [
    {
        "name": "prompt example, k = 3",
        "kind": "visible",
        "args": (_EX, 3),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, k = 2",
        "kind": "visible",
        "args": (_EX, 2),
        "note": "the chain 0-1 ... 4 joins through (0, 4) at distance 3",
    },
    {
        "name": "prompt example, tie at the cut",
        "kind": "visible",
        "args": (_TIE_AT_CUT, 2),
        "expected": [0, 1, 0, 0],
        "note": "two merges at distance 3: the point pair (0, 2) precedes (1, 3)",
    },
    {
        "name": "single point",
        "kind": "hidden",
        "args": (np.array([[2.5, -1.0]]), 1),
        "expected": [0],
        "note": "n = 1, k = 1",
    },
    {
        "name": "k = n",
        "kind": "hidden",
        "args": (np.array([[3.0], [1.0], [2.0], [1.0]]), 4),
        "expected": [0, 1, 2, 3],
        "note": "no merges, even with a duplicate point",
    },
    {
        "name": "k = 1",
        "kind": "hidden",
        "args": (np.array([[0.0, 0.0], [100.0, 0.0], [0.0, -50.0]]), 1),
        "expected": [0, 0, 0],
        "note": "everything merges",
    },
    {
        "name": "near-tie of 1e-10 near 5000",
        "kind": "hidden",
        "args": (_NEAR, 3),
        "expected": [0, 1, 0, 2],
        "note": "distances 1 - 1e-10 and 1 are not tied: the smaller wins; the Gram expansion cannot resolve it near 5000",
    },
    {
        "name": "unit grid, all ties",
        "kind": "hidden",
        "args": (_GRID, 7),
        "note": "integer grid, every neighbour at distance 1: only the (i, j) rule decides which 13 merges happen",
    },
    {
        "name": "duplicates merge first",
        "kind": "hidden",
        "args": (np.array([[0.3, 0.1], [2.0, 2.0], [0.3, 0.1], [2.0, 2.0], [0.9, 0.1]]), 3),
        "expected": [0, 1, 0, 1, 2],
        "note": "two zero-distance pairs are merged before anything else",
    },
    {
        "name": "chaining",
        "kind": "hidden",
        "args": (np.array([[float(x), 0.0] for x in range(8)] + [[3.5, 1.2], [3.5, -1.2]]), 3),
        "note": "a line of points joins into one long cluster: single linkage chains",
    },
    {
        "name": "largest stated size, floats",
        "kind": "hidden",
        "args": (_BIG_FLOAT, 17),
        "note": "n = 1000 float points",
    },
    {
        "name": "largest stated size, integer ties",
        "kind": "hidden",
        "args": (_BIG_INT, 40),
        "note": "n = 1000 integer points with many exact ties and duplicates",
    },
]
