"""Tests for Jaccard similarity. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Two token lists drawn with repeats from overlapping vocabularies."""
    vocab = max(1, int(size) // 2)
    shift = int(rng.integers(0, vocab + 1))
    a = [f"w{int(i)}" for i in rng.integers(0, vocab, size=size)]
    b = [f"w{int(i) + shift}" for i in rng.integers(0, vocab, size=int(rng.integers(0, size + 1)))]
    return (a, b)


_big_rng = np.random.default_rng(33)
_big = (
    [f"t{int(i)}" for i in _big_rng.integers(0, 60_000, size=200_000)],
    [f"t{int(i)}" for i in _big_rng.integers(30_000, 90_000, size=200_000)],
)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (["the", "cat", "sat", "the"], ["the", "dog", "sat"]),
        "expected": 0.5,
        "note": "the example from the prompt",
    },
    {
        "name": "both empty",
        "kind": "visible",
        "args": ([], []),
        "expected": 1.0,
        "note": "two empty sets are identical",
    },
    {
        "name": "one empty",
        "kind": "hidden",
        "args": (["a", "a"], []),
        "expected": 0.0,
        "note": "nothing in common",
    },
    {
        "name": "identical with repeats",
        "kind": "hidden",
        "args": (["x", "y", "x", "x"], ["y", "x"]),
        "expected": 1.0,
        "note": "the same set written with different repeats",
    },
    {
        "name": "disjoint",
        "kind": "hidden",
        "args": (["a", "b"], ["c"]),
        "expected": 0.0,
        "note": "no overlap",
    },
    {
        "name": "case sensitive",
        "kind": "hidden",
        "args": (["Apple", "pie"], ["apple", "pie", "pie"]),
        "expected": 1 / 3,
        "note": "Apple and apple are different tokens",
    },
    {
        "name": "whitespace is part of a token",
        "kind": "hidden",
        "args": (["cat ", "sat", " dog"], ["cat", "sat", "dog", "\tsat"]),
        "expected": 1 / 6,
        "note": "strips-whitespace: tokens are compared exactly, so 'cat ' is not 'cat'",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": _big,
        "note": "200,000 tokens each: must be about linear",
    },
]
