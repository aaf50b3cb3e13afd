"""Tests for matrix factorisation with SGD. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size observed ratings (with repeated users and items), small learning rates."""
    n_users = max(1, int(size) // 4 + 1)
    n_items = max(1, int(size) // 3 + 1)
    f = int(rng.integers(1, 6))
    triples = [
        (int(rng.integers(0, n_users)), int(rng.integers(0, n_items)), float(rng.uniform(1, 5)))
        for _ in range(size)
    ]
    P = rng.normal(0, 0.5, size=(n_users, f))
    Q = rng.normal(0, 0.5, size=(n_items, f))
    lr = float(rng.uniform(0.005, 0.05))
    reg = float(rng.uniform(0.01, 0.2))
    epochs = int(rng.integers(1, 8))
    return (triples, P, Q, lr, reg, epochs)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([(0, 0, 3.0)], np.array([[1.0, 1.0]]), np.array([[1.0, 0.0]]), 0.1, 0.1, 1),
        "expected": (np.array([[1.19, 0.99]]), np.array([[1.19, 0.2]])),
        "note": "the example from the prompt",
    },
    {
        "name": "two ratings, two epochs",
        "kind": "visible",
        "args": (
            [(0, 1, 4.0), (1, 0, 2.0)],
            np.array([[0.5, 0.1], [0.2, 0.3]]),
            np.array([[0.4, 0.4], [0.1, 0.6]]),
            0.05,
            0.02,
            2,
        ),
        "note": "order and repetition of the updates",
    },
    {
        "name": "zero epochs",
        "kind": "hidden",
        "args": ([(0, 0, 5.0)], np.array([[0.3, -0.2]]), np.array([[0.7, 0.1]]), 0.1, 0.1, 0),
        "expected": (np.array([[0.3, -0.2]]), np.array([[0.7, 0.1]])),
        "note": "no training: the factors come back unchanged (as copies)",
    },
    {
        "name": "no ratings",
        "kind": "hidden",
        "args": ([], np.ones((2, 3)), np.full((4, 3), 0.5), 0.1, 0.1, 5),
        "expected": (np.ones((2, 3)), np.full((4, 3), 0.5)),
        "note": "empty ratings list",
    },
    {
        "name": "same pair repeated",
        "kind": "hidden",
        "args": (
            [(0, 0, 5.0), (0, 0, 5.0), (0, 0, 1.0)],
            np.array([[0.5]]),
            np.array([[0.5]]),
            0.1,
            0.05,
            3,
        ),
        "note": "f = 1; consecutive updates of the same user and item",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(8), 3000),
        "note": "3,000 ratings over several epochs",
    },
]
