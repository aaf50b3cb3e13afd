"""Tests for the best information-gain split. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Feature values on a coarse grid (so values repeat) with labels that depend on x."""
    n = max(size, 1)
    n_classes = int(rng.integers(2, 4))
    if rng.random() < 0.5:
        x = rng.integers(0, max(2, n // 2), size=n) * 0.5
    else:
        x = rng.normal(0, 3, size=n)
    noise = rng.normal(0, 2, size=n)
    y = np.clip(((x + noise) / 3 + n_classes / 2).astype(int), 0, n_classes - 1)
    if rng.random() < 0.4:
        return (x.tolist(), y.tolist())
    return (x, y)


def _h(*proportions):
    return float(-sum(p * np.log2(p) for p in proportions if p > 0))


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([1.0, 2.0, 3.0, 4.0], [0, 0, 1, 1]),
        "expected": (2.5, 1.0),
        "note": "the example from the prompt",
    },
    {
        "name": "weighted, not averaged",
        "kind": "visible",
        "args": ([1.0, 2.0, 3.0, 4.0, 5.0], [0, 0, 0, 1, 0]),
        "expected": (3.5, _h(0.2, 0.8) - 0.4),
        "note": "children of sizes 3 and 2 must be weighted by size",
    },
    {
        "name": "mirror tie goes to the smaller threshold",
        "kind": "hidden",
        "args": (np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 1, 1, 0])),
        "expected": (1.5, 1 - 0.75 * _h(1 / 3, 2 / 3)),
        "note": "1.5 and 3.5 have exactly the same gain",
    },
    {
        "name": "pure labels",
        "kind": "hidden",
        "args": ([3.0, 1.0, 2.0], [4, 4, 4]),
        "expected": (1.5, 0.0),
        "note": "every split gains 0: the smallest threshold",
    },
    {
        "name": "constant feature",
        "kind": "hidden",
        "args": ([2.0, 2.0, 2.0], [0, 1, 0]),
        "expected": None,
        "note": "one distinct value: no candidate",
    },
    {
        "name": "empty input",
        "kind": "hidden",
        "args": ([], []),
        "expected": None,
        "note": "n = 0",
    },
    {
        "name": "single element",
        "kind": "hidden",
        "args": ([5.0], [1]),
        "expected": None,
        "note": "n = 1",
    },
    {
        "name": "repeated values stay together",
        "kind": "hidden",
        "args": ([1.0, 1.0, 1.0, 2.0, 2.0, 3.0], [0, 0, 1, 1, 1, 1]),
        "expected": (1.5, _h(1 / 3, 2 / 3) - 0.5 * _h(1 / 3, 2 / 3)),
        "note": "equal x values cannot be split; midpoint 1.5 beats 2.5",
    },
    {
        "name": "three classes",
        "kind": "hidden",
        "args": ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [0, 0, 1, 1, 2, 2]),
        "expected": (1.5, _h(1 / 3, 1 / 3, 1 / 3) - 2 / 3),
        "note": "1.5 and 3.5 tie; the smaller wins",
    },
    {
        "name": "unsorted input with negative values",
        "kind": "hidden",
        "args": ([0.5, -2.0, 3.25, -1.0], [1, 0, 1, 0]),
        "expected": (-0.25, 1.0),
        "note": "the midpoint of -1 and 0.5",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(15), 2000),
        "note": "2,000 samples",
    },
    {
        "name": "labels -1 and +1",
        "kind": "hidden",
        "args": ([4.0, 1.0, 3.0, 2.0, 5.0], [1, -1, 1, -1, 1]),
        "expected": (2.5, _h(0.4, 0.6)),
        "note": "negative labels: using a label as an array index wraps -1 onto the last "
        "class (kills wrong/labels_as_column_index.py)",
    },
    {
        "name": "near-tie only in floating point",
        "kind": "hidden",
        "args": ([5.0, 7.0, 7.0, 6.0, 0.0, 4.0, 3.0, 4.0], [2, 0, 2, 1, 1, 2, 0, 1]),
        "note": "thresholds 3.5 and 6.5 have the same gain, but 6.5's float is 2e-16 higher: "
        "the 1e-9 tie rule still picks 3.5 (kills an exact-equality tie test)",
    },
]
