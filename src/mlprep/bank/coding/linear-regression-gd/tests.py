"""Tests for linear regression by gradient descent. Trusted: never shown to the learner."""

import numpy as np


def generate(rng, size):
    """Standardised-ish features and a small learning rate: the iterates stay finite."""
    n = max(size, 1)
    d = int(rng.integers(1, 5))
    X = rng.normal(0, 1, size=(n, d))
    y = X @ rng.normal(0, 2, size=d) + rng.normal(0, 3) + rng.normal(0, 0.5, size=n)
    lr = float(rng.uniform(0.005, 0.08))
    iterations = int(rng.integers(1, 40))
    if rng.random() < 0.3:
        return (X.tolist(), y.tolist(), lr, iterations)
    return (X, y, lr, iterations)


def _converging():
    rng = np.random.default_rng(8)
    x = rng.normal(0, 0.15, size=(200, 1))
    y = 3 * x[:, 0] + 2 + rng.normal(0, 0.1, size=200)
    return (x, y, 0.9, 500)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[1.0], [2.0]], [2.0, 4.0], 0.1, 2),
        "expected": (np.array([1.32]), 0.78),
        "note": "the example from the prompt, two steps by hand",
    },
    {
        "name": "zero iterations",
        "kind": "hidden",
        "args": (np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, 2.0]), 0.1, 0),
        "expected": (np.zeros(2), 0.0),
        "note": "T = 0 returns the zero initialisation",
    },
    {
        "name": "one step",
        "kind": "hidden",
        "args": ([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [3.0, 0.0, 3.0], 0.5, 1),
        "expected": (np.array([2.0, 1.0]), 2.0),
        "note": "a single step from zero: w = -lr * (2/n) X^T (-y), b = lr * 2 * mean(y)",
    },
    {
        "name": "single sample",
        "kind": "hidden",
        "args": ([[2.0]], [1.0], 0.05, 3),
        "note": "n = 1",
    },
    {
        "name": "constant feature",
        "kind": "hidden",
        "args": ([[1.0], [1.0], [1.0]], [1.0, 2.0, 6.0], 0.1, 5),
        "note": "the feature is collinear with the bias; both move identically",
    },
    {
        "name": "many steps",
        "kind": "hidden",
        "args": (*generate(np.random.default_rng(4), 50)[:3], 500),
        "note": "500 steps close to convergence",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (*generate(np.random.default_rng(44), 5000)[:3], 60),
        "note": "5,000 rows and 60 steps",
    },
    {
        "name": "converged long before the last step",
        "kind": "hidden",
        "args": _converging(),
        "note": "a slow feature direction: the gradient norm falls below 1e-6 at step 264 of 500 "
        "and w still moves by 2e-5 after it (kills stopping early on a small gradient or a "
        "small change of the loss)",
    },
]
