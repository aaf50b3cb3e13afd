"""Tests for logistic regression by gradient descent. Trusted: never shown to the learner."""

import numpy as np


def generate(rng, size):
    """Noisy linearly generated labels; moderate learning rates and step counts."""
    n = max(size, 1)
    d = int(rng.integers(1, 5))
    X = rng.normal(0, 1.5, size=(n, d))
    logits = X @ rng.normal(0, 2, size=d) + rng.normal(0, 1)
    y = (rng.random(n) < 1 / (1 + np.exp(-logits))).astype(int)
    lr = float(rng.uniform(0.05, 1.0))
    iterations = int(rng.integers(1, 60))
    if rng.random() < 0.3:
        return (X.tolist(), y.tolist(), lr, iterations)
    return (X, y, lr, iterations)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[1.0], [-1.0]], [1, 0], 1.0, 1),
        "expected": (np.array([0.5]), 0.0),
        "note": "the example from the prompt, one step by hand",
    },
    {
        "name": "unbalanced labels move the bias",
        "kind": "visible",
        "args": ([[1.0], [2.0], [3.0]], [1, 1, 1], 0.3, 1),
        "expected": (np.array([0.3]), 0.15),
        "note": "grad_w = -(1 + 2 + 3) / 6 = -1, grad_b = -0.5",
    },
    {
        "name": "zero iterations",
        "kind": "hidden",
        "args": (np.ones((3, 2)), np.array([0, 1, 1]), 0.5, 0),
        "expected": (np.zeros(2), 0.0),
        "note": "T = 0 returns the zero initialisation",
    },
    {
        "name": "separable data, many steps",
        "kind": "hidden",
        "args": ([[-2.0], [-1.0], [1.0], [2.0]], [0, 0, 1, 1], 0.5, 300),
        "note": "weights keep growing on separable data; the count of steps fixes them",
    },
    {
        "name": "huge logits",
        "kind": "hidden",
        "args": ([[400.0, -300.0], [-500.0, 200.0], [350.0, 100.0]], [1, 0, 0], 0.5, 4),
        "note": "|z| reaches thousands after the first step: the sigmoid must saturate cleanly",
    },
    {
        "name": "single sample",
        "kind": "hidden",
        "args": ([[0.5, -1.0]], [0], 0.2, 7),
        "note": "n = 1",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (*generate(np.random.default_rng(31), 5000)[:3], 60),
        "note": "5,000 rows and 60 steps",
    },
]
