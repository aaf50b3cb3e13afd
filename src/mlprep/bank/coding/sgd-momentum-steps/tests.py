"""Tests for SGD with momentum and weight decay. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size steps; a drifting gradient with noise, momentum and weight decay vary."""
    t = max(0, int(size))
    d = int(rng.integers(1, 51))
    grads = rng.normal(0, 1, size=d) + rng.normal(0, 1, size=(t, d))
    w0 = rng.normal(0, 3, size=d)
    lr = float(rng.choice([1e-3, 0.01, 0.05]))
    momentum = float(rng.choice([0.0, 0.5, 0.9, 0.99]))
    weight_decay = float(rng.choice([0.0, 1e-4, 0.01, 0.1]))
    return (w0, grads, lr, momentum, weight_decay)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            np.array([1.0, -2.0]),
            np.array([[0.5, -4.0], [0.5, 0.0], [-0.3, 2.0]]),
            0.1,
            0.9,
            0.01,
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "no steps",
        "kind": "hidden",
        "args": (np.array([1.0, 2.0]), np.zeros((0, 2)), 0.1, 0.9, 0.01),
        "expected": np.zeros((0, 2)),
        "note": "T = 0: an empty (0, D) path",
    },
    {
        "name": "zero gradients, decay only",
        "kind": "hidden",
        "args": (np.array([4.0, -2.0, 0.0]), np.zeros((8, 3)), 0.1, 0.9, 0.5),
        "note": "only the decay term moves the weights; the term must use w before the step",
    },
    {
        "name": "constant gradient builds speed",
        "kind": "hidden",
        "args": (np.array([0.0]), np.ones((40, 1)), 0.01, 0.9, 0.0),
        "note": "one parameter, constant gradient: catches a (1 - momentum) dampening factor",
    },
    {
        "name": "no momentum",
        "kind": "hidden",
        "args": (np.array([1.0, -1.0]), np.array([[1.0, 2.0], [3.0, -1.0]]), 0.1, 0.0, 0.1),
        "note": "momentum = 0 is plain SGD with L2",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (
            np.random.default_rng(7).normal(0, 1, size=50),
            np.random.default_rng(8).normal(0.2, 1, size=(500, 50)),
            0.01,
            0.9,
            1e-3,
        ),
        "note": "T = 500, D = 50",
    },
]
