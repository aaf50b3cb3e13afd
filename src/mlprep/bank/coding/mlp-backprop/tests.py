"""Tests for two-layer MLP backpropagation. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Random continuous weights and inputs: no pre-activation is exactly 0."""
    n = max(size, 1)
    d = int(rng.integers(1, 7))
    h = int(rng.integers(1, 9))
    k = int(rng.integers(2, 6))
    scale = float(rng.choice([0.5, 1.0, 3.0]))
    return (
        rng.normal(0, 1, size=(n, d)),
        rng.integers(0, k, size=n),
        rng.normal(0, scale, size=(d, h)),
        rng.normal(0, 0.5, size=h),
        rng.normal(0, scale, size=(h, k)),
        rng.normal(0, 0.5, size=k),
    )


_s = 1 / (1 + np.exp(-1.0))  # softmax of [1, 0], first entry

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            np.array([[1.0, -1.0]]),
            [1],
            np.array([[1.0, 0.0], [0.0, 1.0]]),
            np.zeros(2),
            np.array([[1.0, 0.0], [0.0, 1.0]]),
            np.zeros(2),
        ),
        "expected": (
            float(np.log1p(np.e)),
            np.array([[_s, 0.0], [-_s, 0.0]]),
            np.array([_s, 0.0]),
            np.array([[_s, -_s], [0.0, 0.0]]),
            np.array([_s, -_s]),
        ),
        "note": "the example from the prompt, worked by hand",
    },
    {
        "name": "pre-activation exactly zero",
        "kind": "visible",
        "args": (
            np.array([[0.0, 0.0], [1.0, 2.0]]),
            np.array([0, 1]),
            np.array([[1.0, -1.0], [1.0, 1.0]]),
            np.zeros(2),
            np.array([[2.0, -1.0], [0.5, 1.0]]),
            np.array([0.1, -0.1]),
        ),
        "note": "the first row has Z1 = [0, 0]: the ReLU derivative there is 0",
    },
    {
        "name": "huge logits",
        "kind": "hidden",
        "args": (
            np.array([[3.0, 1.0], [-2.0, 4.0], [1.0, 1.0]]),
            np.array([2, 0, 1]),
            np.array([[40.0, -30.0, 10.0], [5.0, 25.0, -10.0]]),
            np.array([1.0, -1.0, 0.5]),
            np.array([[10.0, -8.0, 2.0], [-6.0, 9.0, 1.0], [3.0, 3.0, -12.0]]),
            np.array([0.0, 1.0, -1.0]),
        ),
        "note": "logits in the hundreds to thousands: the loss must stay finite",
    },
    {
        "name": "dead hidden layer",
        "kind": "hidden",
        "args": (
            np.array([[1.0, 2.0], [0.5, -0.5]]),
            np.array([1, 0]),
            np.array([[-1.0, -2.0], [-1.0, -0.5]]),
            np.array([-5.0, -5.0]),
            np.array([[1.0, 2.0], [3.0, 4.0]]),
            np.array([0.3, -0.2]),
        ),
        "expected": (
            float(np.log1p(np.exp(0.5))) / 2 + float(np.log1p(np.exp(-0.5))) / 2,
            np.zeros((2, 2)),
            np.zeros(2),
            np.zeros((2, 2)),
            np.array(
                [
                    (1 / (1 + np.exp(-0.5)) - 1) / 2 + 1 / (1 + np.exp(-0.5)) / 2,
                    (1 / (1 + np.exp(0.5))) / 2 + (1 / (1 + np.exp(0.5)) - 1) / 2,
                ]
            ),
        ),
        "note": "every hidden unit is off: only b2 gets a gradient",
    },
    {
        "name": "single sample, several classes",
        "kind": "hidden",
        "args": generate(np.random.default_rng(37), 1),
        "note": "n = 1",
    },
    {
        "name": "large batch",
        "kind": "hidden",
        "args": generate(np.random.default_rng(38), 3000),
        "note": "3,000 samples",
    },
]
