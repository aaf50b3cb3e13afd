"""Tests for the confusion matrix. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Random labels in 0..K-1 with a mostly-correct classifier."""
    k = int(rng.integers(1, 7))
    truth = rng.integers(0, k, size=size)
    pred = np.where(rng.random(size) < 0.7, truth, rng.integers(0, k, size=size))
    if rng.random() < 0.5:
        return (truth.tolist(), pred.tolist(), k)
    return (truth, pred, k)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([0, 1, 2, 2, 1], [0, 2, 2, 2, 1], 3),
        "expected": np.array([[1, 0, 0], [0, 1, 1], [0, 0, 2]]),
        "note": "the example from the prompt",
    },
    {
        "name": "asymmetric errors",
        "kind": "visible",
        "args": ([0, 0, 0, 1], [1, 1, 0, 1], 2),
        "expected": np.array([[1, 2], [0, 1]]),
        "note": "rows are the truth: a transposed matrix differs",
    },
    {
        "name": "empty input",
        "kind": "hidden",
        "args": ([], [], 3),
        "expected": np.zeros((3, 3), dtype=int),
        "note": "n = 0 still gives a K x K matrix of zeros",
    },
    {
        "name": "unused classes",
        "kind": "hidden",
        "args": (np.array([1, 1, 0]), np.array([1, 0, 0]), 4),
        "expected": np.array([[1, 0, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]),
        "note": "classes 2 and 3 never appear but keep their rows and columns",
    },
    {
        "name": "missing middle class",
        "kind": "hidden",
        "args": ([0, 2, 2], [2, 2, 0], 3),
        "expected": np.array([[0, 0, 1], [0, 0, 0], [1, 0, 1]]),
        "note": "class 1 is absent: labels must not be re-indexed",
    },
    {
        "name": "repeated pairs",
        "kind": "hidden",
        "args": ([1, 1, 1, 1], [1, 1, 1, 1], 2),
        "expected": np.array([[0, 0], [0, 4]]),
        "note": "the same cell is hit four times",
    },
    {
        "name": "single class",
        "kind": "hidden",
        "args": ([0], [0], 1),
        "expected": np.array([[1]]),
        "note": "K = 1, one sample",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(11), 300_000),
        "note": "300,000 labels",
    },
]


def check(args, expected, got):
    """The prompt asks for an integer array: a float matrix of the same counts is refused on
    every case (kills wrong/float-matrix.py); then shape and counts must match exactly."""
    expected = np.asarray(expected)
    if not isinstance(got, np.ndarray):
        return f"expected a NumPy array, got {type(got).__name__}"
    if got.dtype.kind not in "iu":
        return f"expected an integer array, got dtype {got.dtype}"
    if got.shape != expected.shape:
        return f"expected shape {expected.shape}, got shape {got.shape}"
    diff = np.argwhere(got != expected)
    if diff.size:
        return f"{len(diff)} of {got.size} counts differ, first at index {tuple(int(i) for i in diff[0])}"
    return None
