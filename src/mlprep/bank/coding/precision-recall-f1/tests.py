"""Tests for precision, recall and F1. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Random 0/1 labels; predictions agree with the truth with a random probability."""
    truth = rng.integers(0, 2, size=size)
    agree = rng.random(size) < rng.uniform(0.3, 0.95)
    pred = np.where(agree, truth, 1 - truth)
    if rng.random() < 0.5:
        return (truth.tolist(), pred.tolist())
    return (truth, pred)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([1, 0, 1, 1, 0, 1], [1, 1, 0, 1, 0, 1]),
        "expected": (0.75, 0.75, 0.75),
        "note": "the example from the prompt",
    },
    {
        "name": "precision and recall differ",
        "kind": "visible",
        "args": (np.array([1, 1, 1, 1, 0, 0]), np.array([1, 0, 0, 0, 1, 0])),
        "expected": (0.5, 0.25, 1 / 3),
        "note": "TP=1, FP=1, FN=3: catches swapped definitions and the arithmetic mean",
    },
    {
        "name": "empty input",
        "kind": "hidden",
        "args": ([], []),
        "expected": (0.0, 0.0, 0.0),
        "note": "n = 0: every ratio is 0/0",
    },
    {
        "name": "nothing predicted positive",
        "kind": "hidden",
        "args": ([1, 0, 1], [0, 0, 0]),
        "expected": (0.0, 0.0, 0.0),
        "note": "precision is 0/0 and recall is 0/2",
    },
    {
        "name": "no actual positives",
        "kind": "hidden",
        "args": ([0, 0, 0, 0], [0, 1, 0, 1]),
        "expected": (0.0, 0.0, 0.0),
        "note": "recall is 0/0 and precision is 0/2",
    },
    {
        "name": "all negatives, all correct",
        "kind": "hidden",
        "args": ([0, 0], [0, 0]),
        "expected": (0.0, 0.0, 0.0),
        "note": "every denominator is zero",
    },
    {
        "name": "perfect classifier",
        "kind": "hidden",
        "args": ([1, 0, 1, 0], [1, 0, 1, 0]),
        "expected": (1.0, 1.0, 1.0),
        "note": "all three are 1",
    },
    {
        "name": "single element",
        "kind": "hidden",
        "args": ([1], [1]),
        "expected": (1.0, 1.0, 1.0),
        "note": "one true positive",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(7), 200_000),
        "note": "200,000 labels",
    },
    {
        "name": "as many misses as hits",
        "kind": "hidden",
        "args": ([1, 1, 0, 1, 1], [1, 0, 0, 1, 0]),
        "note": "tp = fn = 2: recall is 0.5 (kills a zero-division guard that tests tp - fn "
        "instead of tp + fn)",
    },
]
