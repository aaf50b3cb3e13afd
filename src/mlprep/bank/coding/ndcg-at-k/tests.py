"""Tests for NDCG@k. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Graded labels 0-4 (mostly low) or continuous labels, and a cut-off around the list length."""
    n = int(size)
    if rng.random() < 0.7:
        rel = [int(v) for v in rng.choice(5, size=n, p=[0.5, 0.2, 0.15, 0.1, 0.05])]
    else:
        rel = [float(v) for v in rng.uniform(0, 3, size=n)]
    k = int(rng.integers(1, max(2, 2 * n + 2)))
    return (rel, k)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([3, 2, 3, 0, 1, 2], 3),
        "expected": (7 + 3 / np.log2(3) + 7 / 2) / (7 + 7 / np.log2(3) + 3 / 2),
        "note": "the example from the prompt",
    },
    {
        "name": "relevant item below the cut-off",
        "kind": "visible",
        "args": ([1, 0, 3], 2),
        "expected": 1.0 / (7.0 + 1.0 / np.log2(3)),
        "note": "the ideal ranking includes the item at position 3",
    },
    {
        "name": "empty list",
        "kind": "hidden",
        "args": ([], 5),
        "expected": 0.0,
        "note": "IDCG is 0",
    },
    {
        "name": "no relevant items",
        "kind": "hidden",
        "args": ([0, 0, 0], 2),
        "expected": 0.0,
        "note": "IDCG is 0",
    },
    {
        "name": "perfect ranking",
        "kind": "hidden",
        "args": ([3, 2, 2, 1, 0], 10),
        "expected": 1.0,
        "note": "already sorted; k larger than n",
    },
    {
        "name": "single relevant item at the top",
        "kind": "hidden",
        "args": ([2], 1),
        "expected": 1.0,
        "note": "n = k = 1",
    },
    {
        "name": "gain shape matters",
        "kind": "hidden",
        "args": ([1, 3], 2),
        "expected": (1 + 7 / np.log2(3)) / (7 + 1 / np.log2(3)),
        "note": "exponential and linear gains give different answers",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(12), 50_000),
        "note": "50,000 ranked items",
    },
]
