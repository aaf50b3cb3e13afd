"""Tests for stable softmax and cross-entropy. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Random logits; the scale varies from small to a few thousand."""
    k = int(rng.integers(1, 8))
    scale = float(rng.choice([1.0, 10.0, 800.0, 3000.0]))
    logits = rng.normal(0, scale, size=(size, k)) + rng.normal(0, scale)
    labels = rng.integers(0, k, size=size)
    if rng.random() < 0.3:
        return (logits.tolist(), labels.tolist())
    return (logits, labels)


_e = 1 / (1 + np.exp(2.0))

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[1000.0, 1000.0], [0.0, 2.0]], [0, 1]),
        "expected": (
            np.array([[0.5, 0.5], [_e, 1 - _e]]),
            (np.log(2.0) + np.log1p(np.exp(-2.0))) / 2,
        ),
        "note": "the example from the prompt: equal huge logits",
    },
    {
        "name": "loss of an underflowed probability",
        "kind": "visible",
        "args": (np.array([[1000.0, -1000.0]]), np.array([1])),
        "expected": (np.array([[1.0, 0.0]]), 2000.0),
        "note": "p = 0 in float, but the loss is exactly 2000",
    },
    {
        "name": "rows on very different scales",
        "kind": "hidden",
        "args": (np.array([[900.0, 899.0], [-900.0, -901.0]]), np.array([0, 0])),
        "expected": (
            np.array([[1 / (1 + np.exp(-1.0)), 1 / (1 + np.e)]] * 2),
            np.log1p(np.exp(-1.0)),
        ),
        "note": "a shift by the batch maximum underflows the second row",
    },
    {
        "name": "batch of identical rows",
        "kind": "hidden",
        "args": ([[0.0, 0.0, 0.0, 0.0]] * 3, [0, 1, 3]),
        "expected": (np.full((3, 4), 0.25), float(np.log(4.0))),
        "note": "uniform softmax; the mean of three equal losses is log 4",
    },
    {
        "name": "single class",
        "kind": "hidden",
        "args": ([[5.0], [-7.0]], [0, 0]),
        "expected": (np.ones((2, 1)), 0.0),
        "note": "K = 1: probability 1 and loss 0",
    },
    {
        "name": "very negative logits",
        "kind": "hidden",
        "args": ([[-5000.0, -5001.0, -5002.0]], [2]),
        "note": "every raw exponential underflows to 0",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (
            np.random.default_rng(9).normal(0, 2000, size=(2500, 3)),
            np.random.default_rng(10).integers(0, 3, size=2500),
        ),
        "note": "2,500 rows of logits in the thousands",
    },
]
