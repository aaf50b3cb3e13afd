"""Tests for top-k-frequent. Trusted: never shown to the learner's sandbox.

Counts are integers, so ties are exact; the random tests draw from few values so ties
are frequent, and the values are shuffled so that value order and first-appearance
order differ.
"""

import numpy as np


def generate(rng, size):
    """`size` items drawn with skewed probabilities from about size/3 distinct values."""
    distinct = max(1, size // 3)
    labels = [int(v) for v in rng.permutation(distinct * 10)[:distinct]]
    weights = rng.random(distinct) ** 2 + 0.05
    draws = rng.choice(distinct, size=size, p=weights / weights.sum())
    items = [labels[i] for i in draws]
    if rng.random() < 0.3:
        items = [f"w{v}" for v in items]
    k = int(rng.integers(0, distinct + 3))
    return (items, k)


def _big():
    rng = np.random.default_rng(17)
    values = rng.permutation(200_000)[:40_000]
    draws = rng.integers(0, 40_000, size=200_000)
    return ([int(values[i]) for i in draws], 25)


CASES = [
    {
        "name": "prompt example, strings",
        "kind": "visible",
        "args": (["b", "a", "c", "a", "b", "d", "a"], 2),
        "expected": ["a", "b"],
        "note": "the first call of the prompt's example",
    },
    {
        "name": "prompt example, ties",
        "kind": "visible",
        "args": ([4, 1, 2, 1, 2, 4, 3], 2),
        "expected": [4, 1],
        "note": "three items tie; first appearance decides",
    },
    {
        "name": "empty list",
        "kind": "hidden",
        "args": ([], 3),
        "expected": [],
        "note": "no items",
    },
    {
        "name": "k is zero",
        "kind": "hidden",
        "args": ([1, 1, 2], 0),
        "expected": [],
        "note": "nothing requested",
    },
    {
        "name": "k larger than the distinct count",
        "kind": "hidden",
        "args": (["x", "y", "x", "z"], 10),
        "expected": ["x", "y", "z"],
        "note": "every distinct item, ties by first appearance",
    },
    {
        "name": "all distinct",
        "kind": "hidden",
        "args": ([9, 3, 7, 1], 3),
        "expected": [9, 3, 7],
        "note": "every count is 1: the first three in list order",
    },
    {
        "name": "ties not broken by value",
        "kind": "hidden",
        "args": (["pear", "apple", "fig", "apple", "pear", "fig"], 2),
        "expected": ["pear", "apple"],
        "note": "three-way tie; alphabetical order would give apple first",
    },
    {
        "name": "first appearance, not last",
        "kind": "hidden",
        "args": ([5, 6, 6, 5, 7], 1),
        "expected": [5],
        "note": "5 and 6 tie; 5 appears first although 6's last copy is earlier",
    },
    {
        "name": "single item repeated",
        "kind": "hidden",
        "args": (["q"] * 5, 1),
        "expected": ["q"],
        "note": "one distinct item",
    },
    {
        "name": "higher count beats earlier appearance",
        "kind": "hidden",
        "args": ([1, 2, 3, 3, 2, 3], 3),
        "expected": [3, 2, 1],
        "note": "counts 1, 2, 3 in reverse order of appearance",
    },
    {
        "name": "1 and '1' are different items",
        "kind": "hidden",
        "args": (["1", 2, 1, "2", 1, "1", 2, "x"], 3),
        "expected": ["1", 2, 1],
        "note": "str-keys: counting str(x) merges 1 with '1' (count 4) and 2 with '2' (count 3)",
    },
    {
        "name": "large list",
        "kind": "hidden",
        "args": _big(),
        "note": "200,000 items, 40,000 distinct values, many ties",
    },
]
