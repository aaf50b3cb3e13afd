"""Tests for the cosine similarity matrix. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Rows at different scales (cosine must ignore scale), sometimes zero rows."""
    n = int(rng.integers(0, size + 1))
    m = max(1, int(size))
    d = int(rng.integers(1, 12))
    A = rng.normal(size=(n, d)) * rng.uniform(0.01, 100.0, size=(n, 1))
    B = rng.normal(size=(m, d)) * rng.uniform(0.01, 100.0, size=(m, 1))
    if n > 0 and rng.random() < 0.5:
        A[int(rng.integers(0, n))] = 0.0
    if rng.random() < 0.3:
        B[int(rng.integers(0, m))] = 0.0
    if rng.random() < 0.3:
        return (A.tolist() if n else A, B.tolist())
    return (A, B)


_rng = np.random.default_rng(17)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[1, 0], [0, 0], [1, 1]], [[1, 0], [0, 2]]),
        "expected": np.array([[1.0, 0.0], [0.0, 0.0], [np.sqrt(0.5), np.sqrt(0.5)]]),
        "note": "the example from the prompt",
    },
    {
        "name": "opposite and orthogonal",
        "kind": "visible",
        "args": (np.array([[2.0, 0.0, 0.0]]), np.array([[-5.0, 0.0, 0.0], [0.0, 3.0, 4.0]])),
        "expected": np.array([[-1.0, 0.0]]),
        "note": "similarities of -1 and 0",
    },
    {
        "name": "zero against zero",
        "kind": "hidden",
        "args": (np.zeros((2, 3)), np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]])),
        "expected": np.zeros((2, 2)),
        "note": "zero vectors give 0, also against another zero vector",
    },
    {
        "name": "empty A",
        "kind": "hidden",
        "args": (np.zeros((0, 4)), np.ones((3, 4))),
        "expected": np.zeros((0, 3)),
        "note": "n = 0",
    },
    {
        "name": "one dimension",
        "kind": "hidden",
        "args": ([[3.0], [-0.5]], [[2.0], [-7.0]]),
        "expected": np.array([[1.0, -1.0], [-1.0, 1.0]]),
        "note": "d = 1: every similarity is the product of the signs",
    },
    {
        "name": "scale invariance",
        "kind": "hidden",
        "args": (np.array([[1e-3, 2e-3], [1e3, -4e3]]), np.array([[10.0, 20.0], [3.0, 1.0]])),
        "note": "very different row norms",
    },
    {
        "name": "tiny nonzero vectors",
        "kind": "hidden",
        "args": (
            np.array([[1e-8, -2e-8, 2e-8], [3e-13, 4e-13, 0.0]]),
            np.array([[2e-8, 1e-8, -2e-8], [-5e-13, 0.0, 1.2e-12], [0.0, 0.0, 0.0]]),
        ),
        "note": "norms near 1e-8 and 1e-12 are not zero: only the exact zero vector gives 0 "
        "(a threshold such as |a| |b| > 1e-12 zeroes these pairs: wrong/zero_threshold.py)",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": (_rng.normal(size=(60, 300)), _rng.normal(size=(70, 300))),
        "note": "60 x 70 pairs of 300-dimensional vectors",
    },
]
