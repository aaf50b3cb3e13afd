"""Tests for Adam with bias correction. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size steps; per-coordinate gradient scales from 1e-6 to 1e6, some exact zeros."""
    t = max(0, int(size))
    d = int(rng.integers(1, 51))
    scales = 10.0 ** rng.uniform(-6, 6, size=d)
    drift = rng.normal(0, 1, size=d)
    grads = (drift + rng.normal(0, 1, size=(t, d))) * scales
    grads[rng.random(size=(t, d)) < 0.05] = 0.0
    w0 = rng.normal(0, 1, size=d)
    lr = float(rng.choice([1e-3, 0.01, 0.1]))
    beta1 = float(rng.choice([0.0, 0.5, 0.9]))
    beta2 = float(rng.choice([0.9, 0.99, 0.999]))
    eps = float(rng.choice([1e-8, 1e-6, 1e-3]))
    return (w0, grads, lr, beta1, beta2, eps)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            np.array([1.0, -2.0]),
            np.array([[0.5, -4.0], [0.1, 0.0], [-0.3, 2.0]]),
            0.1,
            0.9,
            0.999,
            1e-8,
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "no steps",
        "kind": "hidden",
        "args": (np.array([1.0, 2.0, 3.0]), np.zeros((0, 3)), 0.1, 0.9, 0.999, 1e-8),
        "expected": np.zeros((0, 3)),
        "note": "T = 0: an empty (0, D) path",
    },
    {
        "name": "one step, one parameter",
        "kind": "hidden",
        "args": (np.array([0.5]), np.array([[250.0]]), 0.01, 0.9, 0.999, 1e-8),
        "note": "T = 1, D = 1: the corrected first step is lr * sign(g)",
    },
    {
        "name": "a gradient that is always zero",
        "kind": "hidden",
        "args": (
            np.array([1.0, -1.0]),
            np.array([[0.0, 1.0], [0.0, -1.0], [0.0, 0.5], [0.0, 0.0]]),
            0.05,
            0.9,
            0.99,
            1e-8,
        ),
        "note": "exact zeros: 0 / (0 + eps) leaves the first parameter in place",
    },
    {
        "name": "tiny gradients, eps matters",
        "kind": "hidden",
        "args": (
            np.array([0.0, 0.0, 0.0]),
            np.array([[1e-6, -3e-6, 2e-7]] * 5),
            0.01,
            0.9,
            0.999,
            1e-8,
        ),
        "note": "sqrt(v_hat) ~ 1e-6: eps outside vs inside the root differ by 100x",
    },
    {
        "name": "huge gradients",
        "kind": "hidden",
        "args": (
            np.array([3.0, -3.0]),
            np.array([[1e6, -2e6], [5e5, 1e6], [-1e6, 3e6]]),
            0.001,
            0.9,
            0.999,
            1e-8,
        ),
        "note": "values of 1e6: the step stays near lr",
    },
    {
        "name": "no momentum",
        "kind": "hidden",
        "args": generate(np.random.default_rng(2), 20)[:2] + (0.01, 0.0, 0.99, 1e-8),
        "note": "beta1 = 0: 1 - beta1^t = 1 at every step; a 0**0 slip shows here",
    },
    {
        "name": "sign changes over many steps",
        "kind": "hidden",
        "args": (
            np.array([2.0, -1.0]),
            np.array([[(-1.0) ** i * (1 + i % 3), 0.5 - 0.01 * i] for i in range(60)]),
            0.05,
            0.9,
            0.999,
            1e-8,
        ),
        "note": "oscillating gradient; the correction still matters after 60 steps with beta2 = 0.999",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (
            np.random.default_rng(7).normal(0, 1, size=50),
            np.random.default_rng(8).normal(0.2, 1, size=(500, 50)),
            0.01,
            0.9,
            0.999,
            1e-8,
        ),
        "note": "T = 500, D = 50",
    },
]
