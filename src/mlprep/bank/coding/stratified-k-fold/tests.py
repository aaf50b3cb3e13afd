"""Tests for stratified k-fold. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Imbalanced integer or string labels; k between 1 and 8."""
    n_classes = int(rng.integers(1, 5))
    p = rng.dirichlet(np.ones(n_classes) * 0.7)
    codes = rng.choice(n_classes, size=size, p=p)
    k = int(rng.integers(1, 9))
    kind = rng.random()
    if kind < 0.4:
        return ([int(c) * 3 - 2 for c in codes], k)
    if kind < 0.7:
        return (np.array(codes, dtype=np.int64) * 7 % 5, k)
    names = ["spam", "ham", "eggs", "bacon"]
    return ([names[int(c)] for c in codes], k)


_big_codes = np.random.default_rng(3).choice(3, size=6_000, p=[0.9, 0.07, 0.03])

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([1, 0, 1, 1, 0, 0, 1], 2),
        "expected": [[1, 2, 5, 6], [0, 3, 4]],
        "note": "the example from the prompt",
    },
    {
        "name": "string labels sort alphabetically",
        "kind": "visible",
        "args": (["dog", "cat", "dog", "cat", "cat"], 2),
        "expected": [[1, 2, 4], [0, 3]],
        "note": "cat before dog: order 1, 3, 4, 0, 2",
    },
    {
        "name": "no samples",
        "kind": "hidden",
        "args": ([], 3),
        "expected": [[], [], []],
        "note": "empty input gives k empty folds",
    },
    {
        "name": "more folds than samples",
        "kind": "hidden",
        "args": ([5, 5], 4),
        "expected": [[0], [1], [], []],
        "note": "trailing folds are empty",
    },
    {
        "name": "one fold",
        "kind": "hidden",
        "args": ([2, 1, 2], 1),
        "expected": [[0, 1, 2]],
        "note": "k = 1 puts everything in fold 0",
    },
    {
        "name": "counter carries across classes",
        "kind": "hidden",
        "args": ([0, 0, 0, 1, 1, 1, 2, 2, 2], 2),
        "expected": [[0, 2, 4, 6, 8], [1, 3, 5, 7]],
        "note": "class sizes not divisible by k",
    },
    {
        "name": "labels unsorted in input",
        "kind": "hidden",
        "args": (np.array([9, 3, 9, 3, 3, 9, 1]), 3),
        "expected": [[4, 5, 6], [0, 1], [2, 3]],
        "note": "order 6 | 1, 3, 4 | 0, 2, 5 dealt to folds 0 1 2 0 1 2 0; a NumPy array input",
    },
    {
        "name": "large imbalanced input",
        "kind": "hidden",
        "args": ([int(c) for c in _big_codes], 5),
        "note": "6,000 samples with a 3% class",
    },
]
