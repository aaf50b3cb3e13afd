"""Tests for the best Gini split. Trusted: never shown to the learner's sandbox."""

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


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([2.0, 1.0, 3.0, 4.0], [0, 0, 1, 1]),
        "expected": (2.5, 0.0),
        "note": "the example from the prompt",
    },
    {
        "name": "weighted, not averaged",
        "kind": "visible",
        "args": ([1.0, 2.0, 3.0, 4.0, 5.0], [0, 0, 0, 1, 0]),
        "expected": (3.5, 0.2),
        "note": "children of sizes 3 and 2: a plain average of their impurities prefers 1.5",
    },
    {
        "name": "mirror tie goes to the smaller threshold",
        "kind": "hidden",
        "args": (np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 1, 1, 0])),
        "expected": (1.5, 1 / 3),
        "note": "1.5 and 3.5 score exactly the same",
    },
    {
        "name": "pure labels",
        "kind": "hidden",
        "args": ([3.0, 1.0, 2.0], [4, 4, 4]),
        "expected": (1.5, 0.0),
        "note": "every split scores 0: the smallest threshold",
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
        "expected": (1.5, 2 / 9),
        "note": "equal x values cannot be split; midpoint 1.5 beats 2.5",
    },
    {
        "name": "three classes",
        "kind": "hidden",
        "args": ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [0, 0, 1, 1, 2, 2]),
        "expected": (1.5, 1 / 3),
        "note": "1.5 and 3.5 tie at 1/3; the smaller wins",
    },
    {
        "name": "unsorted input with negative values",
        "kind": "hidden",
        "args": ([0.5, -2.0, 3.25, -1.0], [1, 0, 1, 0]),
        "expected": (-0.25, 0.0),
        "note": "the midpoint of -1 and 0.5",
    },
    {
        "name": "negative class labels",
        "kind": "hidden",
        "args": ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [-1, 3, -1, 3, 3, 3]),
        "expected": (3.5, 2 / 9),
        "note": "labels are any ints: indexing counts by label (bincount-style) folds -1 onto "
        "the last class and sees every split as pure",
    },
    {
        "name": "chain of near-ties",
        "kind": "hidden",
        "args": (
            [0.0] * 999 + [1.0] * 32 + [2.0] * 18 + [3.0] * 951,
            [0] * 500 + [1] * 499 + [0] * 16 + [1] * 16 + [0] * 9 + [1] * 9 + [0] * 475 + [1] * 476,
        ),
        "note": "scores at 0.5, 1.5, 2.5 fall by 4.8e-10, then 7.2e-10 (1.2e-9 in all): 1.5 is within "
        "1e-9 of the lowest; keeping a running best unless beaten by 1e-9 ends at 2.5",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(15), 2000),
        "note": "2,000 samples",
    },
    {
        "name": "near-tie only in floating point",
        "kind": "hidden",
        "args": ([1.0, 6.0, 5.0, 8.0, 5.0, 3.0, 7.0, 1.0, 0.0], [1, 0, 1, 0, 1, 1, 1, 1, 2]),
        "expected": (0.5, 1 / 3),
        "note": "thresholds 0.5 and 5.5 both score 1/3, but 5.5's float is 1e-16 lower: the "
        "1e-9 tie rule still picks 0.5 (kills an exact-equality tie test)",
    },
]
