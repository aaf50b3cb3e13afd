"""Tests for Fisher's LDA direction. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Two correlated Gaussian classes of different sizes sharing a random covariance."""
    d = int(rng.integers(1, 5))
    n = max(size, 2 * d + 6)
    n1 = int(rng.integers(d + 2, n - d - 1))
    mixing = rng.normal(size=(d, d)) + np.eye(d)
    shift = rng.normal(0, 2, size=d)
    X0 = rng.normal(size=(n - n1, d)) @ mixing.T
    X1 = rng.normal(size=(n1, d)) @ (mixing * rng.uniform(0.5, 1.5)).T + shift
    X = np.vstack([X0, X1])
    y = np.array([0] * (n - n1) + [1] * n1)
    order = rng.permutation(n)
    X, y = X[order], y[order]
    if rng.random() < 0.3:
        return (X.tolist(), y.tolist())
    return (X, y)


def _far_from_origin():
    """300 rows near (1e6, 1e6) with a spread of about 1: the scatter is tiny next to X^T X."""
    rng = np.random.default_rng(41)
    X = rng.normal(size=(300, 2)) @ np.array([[1.0, 0.4], [0.0, 0.6]]).T
    y = (np.arange(300) % 3 == 0).astype(int)
    X[y == 1] += np.array([1.5, -0.5])
    return (X + 1e6, y)


_EXAMPLE = [(2, 0), (-2, 0), (0, 1), (0, -1), (4, 2), (0, 2), (2, 3), (2, 1)]

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE, [0, 0, 0, 0, 1, 1, 1, 1]),
        "expected": np.array([1.0, 4.0]) / np.sqrt(17.0),
        "note": "the example from the prompt: S_W tilts w away from m1 - m0",
    },
    {
        "name": "one feature",
        "kind": "visible",
        "args": ([[3.0], [1.0], [2.0], [0.0]], [1, 0, 1, 0]),
        "expected": np.array([1.0]),
        "note": "d = 1: the unit direction towards class 1",
    },
    {
        "name": "class 1 to the left",
        "kind": "hidden",
        "args": (
            [[5.0, 0.0], [7.0, 1.0], [6.0, -1.0], [0.0, 0.0], [1.0, 1.0], [-1.0, 0.5]],
            [0, 0, 0, 1, 1, 1],
        ),
        "note": "m1 - m0 points to negative x: the orientation must follow it",
    },
    {
        "name": "unequal class sizes",
        "kind": "hidden",
        "args": (
            [
                [0.0, 0.0],
                [2.0, 1.0],
                [4.0, 2.5],
                [1.0, 3.0],
                [3.0, -1.0],
                [6.0, 2.0],
                [7.0, 5.0],
                [8.0, 3.5],
                [5.0, 1.0],
            ],
            [0, 0, 0, 0, 0, 0, 1, 1, 1],
        ),
        "note": "6 versus 3 rows: scatter sums and covariance sums point differently",
    },
    {
        "name": "unlisted order of labels",
        "kind": "hidden",
        "args": (
            np.array([[1.0, 2.0], [0.0, 0.0], [3.0, 5.0], [1.0, 1.0], [2.0, 2.5], [4.0, 3.0]]),
            np.array([1, 0, 1, 0, 0, 1]),
        ),
        "note": "classes interleaved in the input",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(29), 20_000),
        "note": "20,000 rows",
    },
    {
        "name": "features far from the origin",
        "kind": "hidden",
        "args": _far_from_origin(),
        "note": "features near 1e6 with unit spread: kills wrong/one-pass-scatter.py, whose "
        "X^T X - n m m^T cancels (error 4e-4; centring first: 1e-10)",
    },
]
