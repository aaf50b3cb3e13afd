"""Tests for the k-NN classifier. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Half the time continuous points (no exact ties); half the time a small integer grid
    where distance ties and vote ties are frequent and exact."""
    n = max(size, 1)
    m = int(rng.integers(1, 4))
    n_classes = int(rng.integers(2, 5))
    k = int(rng.integers(1, 8))
    q = max(1, size // 2)
    if rng.random() < 0.5:
        train = rng.integers(-3, 4, size=(n, m)).astype(float)
        test = rng.integers(-3, 4, size=(q, m)).astype(float)
    else:
        train = rng.normal(0, 2, size=(n, m))
        test = rng.normal(0, 2, size=(q, m))
    labels = rng.integers(0, n_classes, size=n)
    if rng.random() < 0.3:
        return (train.tolist(), labels.tolist(), test.tolist(), k)
    return (train, labels, test, k)


_EXAMPLE_TRAIN = [(0, 0), (1, 0), (0, 1), (5, 5), (6, 5)]

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE_TRAIN, [0, 0, 1, 1, 1], [(0.2, 0.1), (5, 4), (3, 3)], 3),
        "expected": [0, 1, 1],
        "note": "the example from the prompt",
    },
    {
        "name": "vote tie goes to the nearest label",
        "kind": "visible",
        "args": ([(0, 0), (3, 0)], [1, 0], [(1, 0)], 2),
        "expected": [1],
        "note": "one vote each: label 1 is nearer, although 0 is smaller",
    },
    {
        "name": "vote tie at equal distance goes to the smallest label",
        "kind": "hidden",
        "args": ([(1, 0), (-1, 0)], [5, 2], [(0, 0)], 2),
        "expected": [2],
        "note": "both tied labels are at distance 1: the smaller label wins, not the lower index",
    },
    {
        "name": "equal distances at the k-th place go by index",
        "kind": "hidden",
        "args": ([(1, 0), (0, 1), (-1, 0), (0, -1)], [4, 4, 7, 7], [(0, 0)], 3),
        "expected": [4],
        "note": "four points at distance 1: the three lowest indices are taken",
    },
    {
        "name": "k larger than the training set",
        "kind": "hidden",
        "args": (np.array([[0.0], [1.0], [10.0]]), np.array([3, 1, 1]), np.array([[0.1]]), 10),
        "expected": [1],
        "note": "k > n uses all points; label 1 has two votes",
    },
    {
        "name": "no test points",
        "kind": "hidden",
        "args": ([(0.0, 0.0)], [1], [], 1),
        "expected": [],
        "note": "q = 0 returns an empty list",
    },
    {
        "name": "no test points, as an empty array",
        "kind": "hidden",
        "args": (np.zeros((2, 3)), np.array([0, 1]), np.zeros((0, 3)), 1),
        "expected": [],
        "note": "an array of shape (0, m)",
    },
    {
        "name": "Euclidean, not Manhattan",
        "kind": "hidden",
        "args": ([(3, 3), (0, 5)], [0, 1], [(0, 0)], 1),
        "expected": [0],
        "note": "(3,3) is nearer in L2 (4.24 < 5) but farther in L1 (6 > 5)",
    },
    {
        "name": "duplicate training points",
        "kind": "hidden",
        "args": ([(1, 1), (1, 1), (1, 1), (2, 2)], [0, 1, 1, 0], [(1, 1), (2, 2)], 3),
        "expected": [1, 0],
        "note": "identical points are ordered by index",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (
            np.random.default_rng(12).normal(0, 2, size=(1000, 3)),
            np.random.default_rng(13).integers(0, 4, size=1000),
            np.random.default_rng(14).normal(0, 2, size=(200, 3)),
            5,
        ),
        "note": "1,000 training points and 200 queries",
    },
    {
        "name": "large integer grid, many equal distances",
        "kind": "hidden",
        "args": (
            np.random.default_rng(2026).integers(-3, 4, size=(1000, 3)).astype(float),
            np.random.default_rng(2027).integers(0, 4, size=1000),
            np.random.default_rng(2028).integers(-3, 4, size=(200, 3)).astype(float),
            10,
        ),
        "note": "1,000 points on a 7 x 7 x 7 grid: dozens of training points share the k-th "
        "distance, so only a stable order (lower index first) picks the right ten; the default "
        "np.argsort (quicksort, not stable past 16 elements) changes many of the 200 answers "
        "(wrong/unstable_argsort.py)",
    },
]
