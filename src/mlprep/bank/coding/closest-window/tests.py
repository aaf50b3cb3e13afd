"""Tests for closest-window. Trusted: never shown to the learner's sandbox.

Values are integers and n is an integer or an exact half, so distance ties are exact.
"""

import numpy as np


def generate(rng, size):
    """`size` sorted integers with frequent duplicates and equal-distance neighbours;
    n an integer or a half, sometimes outside the range; k from 0 to about size / 2."""
    values = sorted(int(v) for v in rng.integers(-size, size + 1, size=size) * 2)
    n = int(rng.integers(-size - 3, size + 4)) * 2 + (1 if rng.random() < 0.5 else 0)
    if rng.random() < 0.3:
        n = n + 0.5
    k = int(rng.integers(0, max(1, size // 2) + 1))
    return (values, n, k)


_big_rng = np.random.default_rng(5)
_big = sorted(int(v) for v in _big_rng.integers(0, 10**7, size=200_000))

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([1, 3, 4, 7, 9, 10, 12], 8, 2),
        "expected": [3, 4, 7, 9, 10],
        "note": "the example from the prompt: a value tie goes to the smaller value",
    },
    {
        "name": "exact match",
        "kind": "visible",
        "args": ([2, 4, 6, 8, 10], 6, 1),
        "expected": [4, 6, 8],
        "note": "n is in the list",
    },
    {
        "name": "empty list",
        "kind": "hidden",
        "args": ([], 5, 2),
        "expected": [],
        "note": "nothing to return",
    },
    {
        "name": "k is zero",
        "kind": "hidden",
        "args": ([1, 5, 9], 6, 0),
        "expected": [5],
        "note": "only the closest element",
    },
    {
        "name": "closest near the start",
        "kind": "hidden",
        "args": ([10, 20, 30, 40, 50, 60], 12, 3),
        "expected": [10, 20, 30, 40],
        "note": "fewer than k elements before it; a negative slice start must be clipped",
    },
    {
        "name": "closest near the end",
        "kind": "hidden",
        "args": ([10, 20, 30, 40, 50, 60], 58, 2),
        "expected": [40, 50, 60],
        "note": "fewer than k elements after it",
    },
    {
        "name": "n below every element",
        "kind": "hidden",
        "args": ([3, 4, 5, 6], -100, 1),
        "expected": [3, 4],
        "note": "the first element is closest",
    },
    {
        "name": "n above every element",
        "kind": "hidden",
        "args": ([3, 4, 5, 6], 100, 1),
        "expected": [5, 6],
        "note": "the last element is closest",
    },
    {
        "name": "duplicates of the closest value",
        "kind": "hidden",
        "args": ([1, 2, 5, 5, 5, 8, 9], 5, 1),
        "expected": [2, 5, 5],
        "note": "the window is centred on the first copy of 5",
    },
    {
        "name": "value tie with duplicates",
        "kind": "hidden",
        "args": ([0, 4, 4, 6, 6, 10], 5, 1),
        "expected": [0, 4, 4],
        "note": "4 and 6 tie; 4 is smaller and its first copy is at position 1",
    },
    {
        "name": "half-integer n",
        "kind": "hidden",
        "args": ([1, 2, 3, 4, 5, 6], 3.5, 1),
        "expected": [2, 3, 4],
        "note": "3 and 4 tie exactly at distance 0.5",
    },
    {
        "name": "half values in the list",
        "kind": "hidden",
        "args": ([0.5, 1.5, 2.5, 3.5], 2, 0),
        "expected": [1.5],
        "note": "exact halves in the list",
    },
    {
        "name": "k larger than the list",
        "kind": "hidden",
        "args": ([7, 8, 9], 8, 10),
        "expected": [7, 8, 9],
        "note": "the whole list",
    },
    {
        "name": "single element",
        "kind": "hidden",
        "args": ([42], -7, 3),
        "expected": [42],
        "note": "one element is always the closest",
    },
    {
        "name": "negative numbers",
        "kind": "hidden",
        "args": ([-9, -5, -3, 0, 2], -4, 1),
        "expected": [-9, -5, -3],
        "note": "-5 and -3 tie; -5 is smaller",
    },
    {
        "name": "long list",
        "kind": "hidden",
        "args": (_big, 5_000_001, 3),
        "note": "200,000 elements: a linear scan and a binary search both fit",
    },
]
