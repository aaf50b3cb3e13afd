"""Tests for ROC AUC. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Labels with both classes; half the time scores are rounded so ties are exact."""
    size = max(size, 2)
    labels = rng.integers(0, 2, size=size)
    labels[0], labels[1] = 0, 1
    rng.shuffle(labels)
    scores = rng.normal(0, 1, size=size) + labels * rng.uniform(0, 2)
    if rng.random() < 0.5:
        scores = np.round(scores, 1)
    if rng.random() < 0.5:
        return (labels.tolist(), scores.tolist())
    return (labels, scores)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
        "expected": 0.75,
        "note": "the example from the prompt",
    },
    {
        "name": "tied scores count one half",
        "kind": "visible",
        "args": ([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]),
        "expected": 0.875,
        "note": "one tied pair out of four contributes 0.5",
    },
    {
        "name": "all scores equal",
        "kind": "hidden",
        "args": ([1, 0, 0, 1, 0], [2.0, 2.0, 2.0, 2.0, 2.0]),
        "expected": 0.5,
        "note": "every pair is a tie: 0.5 whatever the order of the samples",
    },
    {
        "name": "ties listed positive first",
        "kind": "hidden",
        "args": ([1, 1, 0, 0], [0.3, 0.3, 0.3, 0.3]),
        "expected": 0.5,
        "note": "a curve walked sample by sample depends on the order of tied samples",
    },
    {
        "name": "no positives",
        "kind": "hidden",
        "args": ([0, 0, 0], [0.1, 0.2, 0.3]),
        "expected": None,
        "note": "one class missing: undefined",
    },
    {
        "name": "no negatives",
        "kind": "hidden",
        "args": (np.array([1, 1]), np.array([0.9, 0.2])),
        "expected": None,
        "note": "one class missing: undefined",
    },
    {
        "name": "empty input",
        "kind": "hidden",
        "args": ([], []),
        "expected": None,
        "note": "n = 0: undefined",
    },
    {
        "name": "perfectly inverted",
        "kind": "hidden",
        "args": ([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]),
        "expected": 0.0,
        "note": "every negative outranks every positive",
    },
    {
        "name": "perfect ranking",
        "kind": "hidden",
        "args": ([0, 1], [-3.0, 4.0]),
        "expected": 1.0,
        "note": "the smallest defined case",
    },
    {
        "name": "integer scores with many ties",
        "kind": "hidden",
        "args": ([0, 1, 1, 0, 1, 0, 0, 1], [1, 2, 2, 2, 3, 1, 3, 1]),
        "expected": 9.5 / 16,
        "note": "scores given as ints, several tie groups",
    },
    {
        "name": "scores closer than float32 resolves",
        "kind": "hidden",
        "args": ([1, 0, 0, 1], [0.7 + 1e-9, 0.7, 0.2, 0.2 + 2e-9]),
        "expected": 0.75,
        "note": "float32-scores: 0.7 + 1e-9 beats 0.7 and 0.2 + 2e-9 beats 0.2; float32 makes both pairs ties (0.5)",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(3), 4000),
        "note": "4,000 samples",
    },
]
