"""Tests for k-fold indices. Trusted: never shown to the learner's sandbox."""


def generate(rng, size):
    """n = size (at least 1) and a random k between 1 and min(n, 10)."""
    n = max(1, int(size))
    k = int(rng.integers(1, min(n, 10) + 1))
    return (n, k)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (7, 3),
        "expected": [
            ([3, 4, 5, 6], [0, 1, 2]),
            ([0, 1, 2, 5, 6], [3, 4]),
            ([0, 1, 2, 3, 4], [5, 6]),
        ],
        "note": "the example from the prompt",
    },
    {
        "name": "even split",
        "kind": "visible",
        "args": (6, 3),
        "expected": [([2, 3, 4, 5], [0, 1]), ([0, 1, 4, 5], [2, 3]), ([0, 1, 2, 3], [4, 5])],
        "note": "n divisible by k",
    },
    {
        "name": "single fold",
        "kind": "hidden",
        "args": (4, 1),
        "expected": [([], [0, 1, 2, 3])],
        "note": "k = 1: everything is test data, training is empty",
    },
    {
        "name": "leave one out",
        "kind": "hidden",
        "args": (3, 3),
        "expected": [([1, 2], [0]), ([0, 2], [1]), ([0, 1], [2])],
        "note": "k = n",
    },
    {
        "name": "one sample",
        "kind": "hidden",
        "args": (1, 1),
        "expected": [([], [0])],
        "note": "smallest input",
    },
    {
        "name": "remainder of three",
        "kind": "hidden",
        "args": (11, 4),
        "expected": [
            ([3, 4, 5, 6, 7, 8, 9, 10], [0, 1, 2]),
            ([0, 1, 2, 6, 7, 8, 9, 10], [3, 4, 5]),
            ([0, 1, 2, 3, 4, 5, 9, 10], [6, 7, 8]),
            ([0, 1, 2, 3, 4, 5, 6, 7, 8], [9, 10]),
        ],
        "note": "n % k = 3; ceil-sized chunks would give sizes 3, 3, 3, 2 by luck, so see next",
    },
    {
        "name": "ceil chunks run out",
        "kind": "hidden",
        "args": (10, 4),
        "expected": [
            ([3, 4, 5, 6, 7, 8, 9], [0, 1, 2]),
            ([0, 1, 2, 6, 7, 8, 9], [3, 4, 5]),
            ([0, 1, 2, 3, 4, 5, 8, 9], [6, 7]),
            ([0, 1, 2, 3, 4, 5, 6, 7], [8, 9]),
        ],
        "note": "sizes 3, 3, 2, 2; ceil(10/4) = 3 chunks would give 3, 3, 3, 1",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (3001, 7),
        "note": "3,001 samples in 7 folds",
    },
]
