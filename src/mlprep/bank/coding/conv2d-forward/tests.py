"""Tests for the conv2d forward pass. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """size x size-ish images; channels, kernel, stride and padding vary."""
    h = max(1, int(size))
    wdt = max(1, int(size) + int(rng.integers(-2, 3)))
    c_in, c_out = (int(v) for v in rng.integers(1, 5, size=2))
    kh = int(rng.integers(1, 6))
    kw = int(rng.integers(1, 6))
    stride = int(rng.integers(1, 4))
    padding = int(rng.integers(0, 3))
    h, wdt = max(h, kh - 2 * padding), max(wdt, kw - 2 * padding)
    x = rng.normal(0, 1, size=(c_in, h, wdt))
    w = rng.normal(0, 1, size=(c_out, c_in, kh, kw))
    return (x, w, rng.normal(0, 1, size=c_out), stride, padding)


_X = np.arange(16.0).reshape(1, 4, 4)
_W = np.array([[[[1.0, 0.0], [0.0, -1.0]]], [[[0.5, 0.5], [0.5, 0.5]]]])
_R = np.random.default_rng(12)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _W, np.array([0.0, 1.0]), 2, 1),
        "note": "the example from the prompt: stride 2, padding 1",
    },
    {
        "name": "leftover rows dropped",
        "kind": "hidden",
        "args": (np.arange(25.0).reshape(1, 5, 5), _W, np.array([0.5, -0.5]), 2, 0),
        "note": "(5 - 2) / 2 is not whole: floor gives 2 x 2, ceil would give 3 x 3",
    },
    {
        "name": "asymmetric kernel",
        "kind": "hidden",
        "args": (
            _R.normal(size=(2, 6, 7)),
            _R.normal(size=(3, 2, 3, 2)),
            _R.normal(size=3),
            1,
            1,
        ),
        "note": "non-symmetric 3 x 2 kernels: a flipped kernel (true convolution) differs",
    },
    {
        "name": "rectangular stride check",
        "kind": "hidden",
        "args": (_R.normal(size=(1, 9, 4)), _R.normal(size=(2, 1, 3, 3)), np.zeros(2), 3, 2),
        "note": "H != W with stride 3 and padding 2: rows and columns each get the stride and padding",
    },
    {
        "name": "one by one kernel",
        "kind": "hidden",
        "args": (
            _R.normal(size=(4, 3, 3)),
            _R.normal(size=(2, 4, 1, 1)),
            np.array([1.0, -1.0]),
            1,
            0,
        ),
        "note": "1 x 1 kernel mixes channels only",
    },
    {
        "name": "kernel as large as the padded image",
        "kind": "hidden",
        "args": (_R.normal(size=(2, 3, 3)), _R.normal(size=(1, 2, 5, 5)), np.array([0.25]), 2, 1),
        "note": "single output position",
    },
    {
        "name": "single pixel image",
        "kind": "hidden",
        "args": (np.array([[[2.0]]]), np.array([[[[3.0]]]]), np.array([1.0]), 1, 0),
        "expected": np.array([[[7.0]]]),
        "note": "1 x 1 image and kernel",
    },
    {
        "name": "integer inputs",
        "kind": "hidden",
        "args": (
            np.arange(18).reshape(2, 3, 3),
            np.array([[[[1, -1], [2, 0]], [[0, 1], [1, 1]]]]),
            np.array([3]),
            1,
            1,
        ),
        "note": "integer dtypes: the result is a float array",
    },
    {
        "name": "uint8 image, fractional bias",
        "kind": "hidden",
        "args": (
            (np.arange(50).reshape(2, 5, 5) * 5).astype(np.uint8),
            np.array([[[[1, -2], [0, 1]], [[-1, 0], [2, 1]]], [[[0, 1], [1, 0]], [[1, 1], [0, -3]]]]),
            np.array([0.5, -1.25]),
            2,
            1,
        ),
        "note": "pixels up to 245 with negative weights and a fractional bias: an output array of "
        "the inputs' dtype wraps or truncates (the result must be float)",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (
            _R.normal(size=(4, 32, 32)),
            _R.normal(size=(4, 4, 5, 5)),
            _R.normal(size=4),
            1,
            2,
        ),
        "note": "4 channels in and out, 32 x 32, 5 x 5 kernels",
    },
]
