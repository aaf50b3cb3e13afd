"""Tests for inverted dropout. Trusted: never shown to the learner's sandbox."""

import numpy as np

from mlprep.judging._compare import compare


def generate(rng, size):
    """An array of about size x size entries in 1-3 dimensions, p from 0 to 0.9, train or eval."""
    n = int(size)
    ndim = int(rng.integers(1, 4))
    if ndim == 1:
        shape = (n * max(1, n // 10),)
    elif ndim == 2:
        shape = (n, max(1, int(rng.integers(1, max(2, n)))))
    else:
        shape = (max(1, n // 10), 3, max(0, n // 2))
    x = rng.normal(0, 2, shape)
    dout = rng.normal(0, 1, shape)
    p = float(rng.choice([0.0, 0.1, 0.5, 0.9]))
    return (x, dout, p, int(rng.integers(0, 2**31)), bool(rng.random() < 0.8))


_X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
_D = np.ones((2, 3))
_R = np.random.default_rng(3)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _D, 0.5, 7, True),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example at inference",
        "kind": "visible",
        "args": (_X, _D, 0.5, 7, False),
        "note": "training false: identity, no scaling",
    },
    {
        "name": "p = 0",
        "kind": "hidden",
        "args": (_R.normal(size=(4, 5)), _R.normal(size=(4, 5)), 0.0, 11, True),
        "note": "nothing dropped (every u >= 0) and the scale is 1",
    },
    {
        "name": "non-square matrix",
        "kind": "hidden",
        "args": (_R.normal(size=(3, 7)), _R.normal(size=(3, 7)), 0.4, 5, True),
        "note": "3 x 7: drawing the mask for the transposed shape gives other units",
    },
    {
        "name": "draws close to p",
        "kind": "hidden",
        "args": (np.arange(1.0, 41.0), np.ones(40), 0.3, 123, True),
        "note": "40 draws with p = 0.3; keeping u < 1 - p instead of u >= p keeps as many units but others",
    },
    {
        "name": "three dimensions",
        "kind": "hidden",
        "args": (_R.normal(size=(2, 3, 4)), _R.normal(size=(2, 3, 4)), 0.25, 99, True),
        "note": "a (B, T, D) activation: one draw over the full shape in row-major order",
    },
    {
        "name": "empty array",
        "kind": "hidden",
        "args": (np.zeros((0, 4)), np.zeros((0, 4)), 0.5, 1, True),
        "note": "empty input: zero-sized arrays of the same shape",
    },
    {
        "name": "single unit",
        "kind": "hidden",
        "args": (np.array([3.0]), np.array([-2.0]), 0.9, 4, True),
        "note": "single input with a high drop rate",
    },
    {
        "name": "integer input",
        "kind": "hidden",
        "args": (np.array([[1, 2], [3, 4]]), np.array([[1.0, 1.0], [1.0, 1.0]]), 0.3, 8, True),
        "note": "integer dtype x: the scale 1/0.7 needs floating point",
    },
    {
        "name": "integer input at inference",
        "kind": "hidden",
        "args": (np.array([[1, 2], [3, 4]]), np.array([[0.5, -1.0], [2.0, 0.0]]), 0.3, 8, False),
        "note": "training false with an integer x: out must be a new float array, not x itself",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_R.normal(size=(1000, 1000)), _R.normal(size=(1000, 1000)), 0.1, 2024, True),
        "note": "1,000,000 entries",
    },
]


def check(args, expected, got):
    """The default comparison (rtol 1e-12, atol 0), after requiring float arrays (rule 3)."""
    if isinstance(got, (tuple, list)) and len(got) == 2:
        for name, value in zip(("out", "dx"), got):
            if isinstance(value, np.ndarray) and value.dtype.kind != "f":
                return f"{name} should be a float array, got dtype {value.dtype}"
    found = compare(expected, got, 1e-12, 0.0)
    return None if found is None else found.message
