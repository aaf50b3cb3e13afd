"""Tests for the silhouette score. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size points around 2-6 centres; labels are arbitrary ints in shuffled order.

    Some draws use integer coordinates, some repeat points (duplicates), some relabel a
    point into a cluster of its own.
    """
    n = max(1, int(size))
    d = int(rng.integers(1, 9))
    k = int(rng.integers(2, 7))
    centres = rng.normal(0, 4, size=(k, d))
    which = rng.integers(0, k, size=n)
    X = centres[which] + rng.normal(0, 1, size=(n, d))
    if rng.random() < 0.3:
        X = np.round(X).astype(np.int64)  # integer coordinates
    elif rng.random() < 0.3:
        X = X + 1e6  # a large common offset
    if rng.random() < 0.3 and n > 2:
        X[rng.integers(0, n, size=n // 3)] = X[0]  # duplicates of one point
    names = rng.choice(np.arange(-50, 50), size=k, replace=False)
    labels = names[which]
    if rng.random() < 0.3:
        labels[int(rng.integers(n))] = 1000  # a singleton cluster
    return (X, labels)


_EX_X = np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 1.0], [5.0, 1.0], [9.0, 9.0]])
_EX_L = np.array([2, 0, 2, 0, 7])

_R = np.random.default_rng(201)
_BIG = generate(np.random.default_rng(202), 1500)
_DUP_A = np.array([6.4459, 4.234, 0.6716, 4.891, -20.6444, 7.4533, -7.008, -12.1837])
_DUP_B = np.array([-1.3359, 3.9493, 14.1255, -1.971, -1.7812, 7.3146, -6.4678, -2.1316])
# two clusters made of copies of _DUP_A and two of copies of _DUP_B, plus one other point
_FLOAT_DUP = np.array(
    [_DUP_A, _DUP_A, _DUP_A, _DUP_A, _DUP_B, _DUP_B, _DUP_B, _DUP_B, _DUP_A + 1.0]
)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EX_X, _EX_L),
        "note": "the example from the prompt: unsorted, non-contiguous labels and a singleton",
    },
    {
        "name": "single point",
        "kind": "hidden",
        "args": (np.array([[1.0, 2.0]]), np.array([4])),
        "expected": (np.zeros(1), 0.0),
        "note": "n = 1: one cluster, score 0",
    },
    {
        "name": "one cluster",
        "kind": "hidden",
        "args": (_R.normal(size=(6, 2)), np.full(6, -1)),
        "expected": (np.zeros(6), 0.0),
        "note": "a single label: every score is 0",
    },
    {
        "name": "every point its own cluster",
        "kind": "hidden",
        "args": (_R.normal(size=(5, 3)), np.array([9, 3, -2, 0, 7])),
        "expected": (np.zeros(5), 0.0),
        "note": "all singletons: every score is 0",
    },
    {
        "name": "identical points in two clusters",
        "kind": "hidden",
        "args": (_FLOAT_DUP, np.array([1, 1, 0, 0, 3, 3, 2, 2, 5])),
        "note": "float duplicates split over two labels: a = b = 0 exactly, score 0",
    },
    {
        "name": "float duplicates inside a cluster",
        "kind": "hidden",
        "args": (
            np.array([[0.3, 1.7], [0.3, 1.7], [0.3, 1.7], [5.1, -2.2], [5.4, -2.0], [4.9, -2.6]])
            * 7.1,
            np.array([8, 8, 8, 1, 1, 1]),
        ),
        "note": "a = 0 exactly for the repeated point, so its score is exactly 1",
    },
    {
        "name": "large common offset",
        "kind": "hidden",
        "args": (
            1e6 + np.concatenate([_R.normal(0, 1, size=(10, 3)), _R.normal(4, 1, size=(10, 3))]),
            np.repeat([5, -5], 10),
        ),
        "note": "coordinates near 1e6: the Gram expansion loses the small differences to cancellation",
    },
    {
        "name": "integer coordinates",
        "kind": "hidden",
        "args": (
            np.array([[0, 0], [0, 3], [4, 0], [10, 10], [10, 13], [14, 10], [5, 5]]),
            np.array([1, 1, 1, 0, 0, 0, 0]),
        ),
        "note": "int dtype input, distances 3-4-5 triangles: exact in any method",
    },
    {
        "name": "nearest cluster by mean distance, not by centroid",
        "kind": "hidden",
        "args": (
            np.array(
                [
                    [0.0, 0.0],
                    [1.0, 0.0],
                    [3.0, 0.0],
                    [3.0, 0.5],
                    [-2.5, 0.0],
                    [-10.0, 0.0],
                    [6.5, 0.0],
                ]
            ),
            np.array([0, 0, 1, 1, 2, 2, 2]),
        ),
        "note": "cluster 2's centroid is nearer but its mean distance is larger: b takes the smallest mean distance",
    },
    {
        "name": "one dimension",
        "kind": "hidden",
        "args": (
            np.array([[1.0], [2.0], [2.5], [7.0], [7.5], [9.0]]),
            np.array([3, 3, 3, 1, 1, 1]),
        ),
        "note": "d = 1",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _BIG,
        "note": "n = 1500 points",
    },
]
