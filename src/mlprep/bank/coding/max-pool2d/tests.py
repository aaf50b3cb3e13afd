"""Tests for 2-D max pooling. Trusted: never shown to the learner's sandbox."""

import numpy as np

from mlprep.judging._compare import compare


def generate(rng, size):
    """Images of about size x size; window and stride vary, integer dtype sometimes."""
    h = max(1, int(size))
    w = max(1, int(size) + int(rng.integers(-3, 4)))
    k = int(rng.integers(1, min(h, w, 5) + 1))
    stride = int(rng.integers(1, 5))
    x = rng.normal(0, 3, size=(int(rng.integers(1, 9)), h, w))
    if rng.random() < 0.3:
        x = np.round(x).astype(np.int64)
    return (x, k, stride)


_X = np.array(
    [[[1, 5, 2, 0, 3], [4, -1, 7, 8, 1], [0, 2, 6, 3, 9], [3, 3, -2, 4, 4], [1, 0, 5, 2, 2]]]
)
_R = np.random.default_rng(21)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, 2, 2),
        "note": "the example from the prompt: last row and column dropped",
    },
    {
        "name": "prompt example, overlapping",
        "kind": "visible",
        "args": (_X, 3, 2),
        "note": "stride smaller than the window",
    },
    {
        "name": "all negative values",
        "kind": "hidden",
        "args": (-1.0 - np.abs(_R.normal(size=(2, 4, 4))), 2, 2),
        "note": "values below 0: a max that starts from 0 would be wrong",
    },
    {
        "name": "stride larger than the window",
        "kind": "hidden",
        "args": (_R.normal(size=(3, 9, 7)), 2, 3),
        "note": "gapped windows, H != W",
    },
    {
        "name": "channels pooled separately",
        "kind": "hidden",
        "args": (np.stack([np.full((4, 4), 9.0), _R.normal(size=(4, 4))]), 2, 1),
        "note": "a large constant channel must not leak into the other",
    },
    {
        "name": "window equals the image",
        "kind": "hidden",
        "args": (_R.normal(size=(2, 3, 3)), 3, 1),
        "note": "one output per channel",
    },
    {
        "name": "window one",
        "kind": "hidden",
        "args": (np.arange(12).reshape(1, 3, 4), 1, 2),
        "note": "size 1, stride 2: subsampling; integer input returns floats",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_R.normal(size=(8, 64, 64)), 3, 1),
        "note": "8 x 64 x 64 with overlapping windows",
    },
]


def check(args, expected, got):
    """The default comparison (rtol 1e-12, atol 0), after requiring a float array: the prompt
    asks for one even when x is an integer array (int-dtype-output keeps x's dtype)."""
    if isinstance(got, np.ndarray) and got.dtype.kind != "f":
        return f"should return a float array, got dtype {got.dtype}"
    found = compare(expected, got, 1e-12, 0.0)
    return None if found is None else found.message
