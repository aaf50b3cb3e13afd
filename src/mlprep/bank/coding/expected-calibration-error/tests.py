"""Tests for the expected calibration error. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def generate(rng, size):
    """size rows; C and n_bins vary; half the draws are quantised to multiples of 1/8.

    Quantised draws give exact ties inside rows (lowest index wins) and confidences
    exactly on the edges of power-of-two bin counts (right-closed bins). Labels are
    drawn from the rows themselves or from a shifted row, so ECE spans small and large.
    """
    n = int(size)
    c = int(rng.integers(2, 11))
    if rng.random() < 0.5:
        # multiples of 1/8 that sum to 1: eight unit masses dropped into c classes
        units = np.stack([np.bincount(rng.integers(0, c, 8), minlength=c) for _ in range(n)])
        probs = units.reshape(n, c) / 8.0
        n_bins = int(rng.choice([1, 2, 4, 8, 16]))
    else:
        probs = _softmax(rng.normal(0, float(rng.choice([0.5, 2.0, 6.0])), size=(n, c)))
        n_bins = int(rng.integers(1, 21))
    labels = np.array([rng.choice(c, p=row) for row in np.roll(probs, int(rng.integers(0, 2)), axis=1)], dtype=np.int64)
    return (probs, labels.reshape(n), n_bins)


_P = np.array([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.4, 0.6], [0.5, 0.5]])
_L = np.array([0, 1, 1, 0, 1])
_R = np.random.default_rng(2024)
_BIG = _softmax(_R.normal(0, 2.0, size=(20000, 10)))
_BIG_L = np.array([_R.choice(10, p=row) for row in _BIG])

CASES = [
    {
        "name": "prompt example, two bins",
        "kind": "visible",
        "args": (_P, _L, 2),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, eight bins",
        "kind": "visible",
        "args": (_P, _L, 8),
        "note": "one row per bin; 0.5 exactly on an edge goes to the lower bin",
    },
    {
        "name": "no rows",
        "kind": "hidden",
        "args": (np.zeros((0, 3)), np.zeros(0, dtype=np.int64), 10),
        "expected": 0.0,
        "note": "empty input: n = 0 returns 0.0",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": (np.array([[0.2, 0.72, 0.08]]), np.array([2]), 10),
        "note": "single input, wrong prediction: ECE is the confidence itself",
    },
    {
        "name": "one bin",
        "kind": "hidden",
        "args": (_P, _L, 1),
        "note": "n_bins = 1: |accuracy - mean confidence| over everything",
    },
    {
        "name": "exact tie picks the lowest index",
        "kind": "hidden",
        "args": (
            np.array([[0.25, 0.375, 0.375], [0.5, 0.5, 0.0], [0.125, 0.4375, 0.4375]]),
            np.array([2, 1, 1]),
            4,
        ),
        "note": "duplicates: tied maxima in every row; labels on the higher index, so tie-to-last scores differently",
    },
    {
        "name": "near-tie is not a tie",
        "kind": "hidden",
        "args": (
            np.array([[0.4 - 1e-10, 0.4 + 1e-10, 0.2], [0.6 + 1e-10, 0.0, 0.4 - 1e-10]]),
            np.array([1, 2]),
            3,
        ),
        "note": "near-ties within 1e-10 (not bit-equal): the larger entry wins",
    },
    {
        "name": "confidences on the edges of 4 bins",
        "kind": "hidden",
        "args": (
            np.array([[0.25, 0.25, 0.25, 0.25], [0.5, 0.25, 0.25, 0.0], [0.75, 0.25, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0],
                      [0.5 + 1e-9, 0.5 - 1e-9, 0.0, 0.0]]),
            np.array([0, 1, 0, 0, 0]),
            4,
        ),
        "note": "confidences exactly on every edge (right-closed bins) and one 1e-9 above an edge",
    },
    {
        "name": "confidences just off non-dyadic edges",
        "kind": "hidden",
        "args": (
            np.array([[0.3 + 1e-9, 0.7 - 1e-9], [0.7 - 1e-9, 0.3 + 1e-9], [0.6 + 1e-9, 0.4 - 1e-9], [0.6 - 1e-9, 0.4 + 1e-9]]),
            np.array([1, 1, 0, 1]),
            10,
        ),
        "note": "near-ties with the edges 0.6 and 0.7 of ten bins, 1e-9 on either side",
    },
    {
        "name": "unsorted labels, many classes",
        "kind": "hidden",
        "args": (
            _softmax(np.random.default_rng(5).normal(0, 3, size=(60, 7))),
            np.random.default_rng(6).permutation(np.arange(60) % 7),
            15,
        ),
        "note": "labels in shuffled order over all 7 classes; most bins non-empty",
    },
    {
        "name": "perfectly confident and right",
        "kind": "hidden",
        "args": (np.eye(5)[[4, 1, 3, 3, 0]], np.array([4, 1, 3, 3, 0]), 10),
        "expected": 0.0,
        "note": "confidence 1.0 sits in the top bin, closed on the right",
    },
    {
        "name": "integer probabilities",
        "kind": "hidden",
        "args": (np.array([[1, 0], [0, 1], [1, 0]]), np.array([0, 0, 1]), 5),
        "note": "integer dtype: accuracy and confidence in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG, _BIG_L, 20),
        "note": "n = 20,000 rows, C = 10, 20 bins",
    },
]
