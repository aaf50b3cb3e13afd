"""Tests for label-smoothed cross-entropy with ignore_index. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """N = size positions; ignore_index negative or a real class id; padding from none to
    all, interleaved; logits at several scales, some at +-1000; sometimes integer logits."""
    n = int(size)
    k = 4096 if n >= 512 else int(rng.integers(2, 40))
    scale = float(rng.choice([1.0, 10.0, 100.0]))
    z = rng.normal(0, scale, size=(n, k))
    extreme = rng.random((n, k)) < 0.02
    z[extreme] = rng.choice([-1000.0, 1000.0], size=int(extreme.sum()))
    if rng.random() < 0.2:
        z = np.round(z).astype(np.int64)
    ignore = int(rng.choice([-100, -1, 0, k - 1]))
    classes = np.array([c for c in range(k) if c != ignore])
    t = rng.choice(classes, size=n)
    pad_rate = float(rng.choice([0.0, 0.3, 1.0]))
    t[rng.random(n) < pad_rate] = ignore
    eps = float(rng.choice([0.0, 0.1, 0.5, 0.99, float(rng.uniform(0, 1))]))
    return (z, t, eps, ignore)


_Z = np.array([[2.0, 0.5, -1.0], [0.0, 3.0, 1.0], [1.0, 1.0, 1.0], [4.0, -2.0, 0.0]])
_Y = np.array([0, 2, -100, 1])
_R = np.random.default_rng(31)

_BIG_Z = np.random.default_rng(512).normal(0, 3, size=(512, 4096))
_BIG_Z[::5, ::9] = 1000.0
_BIG_Y = np.random.default_rng(513).integers(1, 4096, size=512)
_BIG_Y[np.random.default_rng(514).random(512) < 0.2] = 0  # padding id 0

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_Z, _Y, 0.1, -100),
        "note": "the example from the prompt: one padding position",
    },
    {
        "name": "confident and correct at 1000",
        "kind": "visible",
        "args": (np.array([[1000.0, -1000.0, 0.0]]), np.array([0]), 0.1, -100),
        "note": "smoothing charges log p of underflowed classes: -2000 and -1000, finite",
    },
    {
        "name": "no positions",
        "kind": "hidden",
        "args": (np.zeros((0, 4)), np.zeros(0, dtype=np.int64), 0.1, -100),
        "expected": (0.0, np.zeros((0, 4))),
        "note": "N = 0: loss 0.0, gradient of shape (0, K)",
    },
    {
        "name": "every position ignored",
        "kind": "hidden",
        "args": (_Z, np.full(4, -100), 0.2, -100),
        "expected": (0.0, np.zeros((4, 3))),
        "note": "M = 0: loss 0.0 and a zero gradient, not NaN",
    },
    {
        "name": "padding id is class 0",
        "kind": "hidden",
        "args": (_Z, np.array([0, 2, 0, 1]), 0.1, 0),
        "note": "ignore_index = 0 is a real class id: targets equal to 0 are padding, not class 0",
    },
    {
        "name": "ignore_index -1",
        "kind": "hidden",
        "args": (_Z, np.array([2, -1, 1, -1]), 0.3, -1),
        "note": "ignore_index = -1: indexing without the mask reads the last class through negative indexing",
    },
    {
        "name": "ignore_index is the last class",
        "kind": "hidden",
        "args": (_Z, np.array([2, 1, 0, 2]), 0.3, 2),
        "note": "ignore_index = K - 1, a class id: a 'negative means ignore' test keeps these rows",
    },
    {
        "name": "no smoothing",
        "kind": "hidden",
        "args": (_Z, _Y, 0.0, -100),
        "note": "epsilon = 0: plain cross-entropy over the kept positions",
    },
    {
        "name": "almost uniform target",
        "kind": "hidden",
        "args": (_R.normal(0, 2, size=(5, 6)), np.array([3, 0, 5, 5, 1]), 0.99, -100),
        "note": "epsilon = 0.99: eps/K vs eps/(K-1) on the wrong classes differs most",
    },
    {
        "name": "binary classes",
        "kind": "hidden",
        "args": (_R.normal(0, 1, size=(6, 2)), np.array([1, 0, -100, 1, 1, 0]), 0.2, -100),
        "note": "K = 2: spreading eps over the K - 1 other classes would give each 0.2 instead of 0.1",
    },
    {
        "name": "single position",
        "kind": "hidden",
        "args": (np.array([[0.3, -0.7, 1.1, 0.0]]), np.array([1]), 0.1, -100),
        "note": "N = 1, M = 1",
    },
    {
        "name": "saturated logits, wrong predictions",
        "kind": "hidden",
        "args": (
            np.array([[-1000.0, 1000.0, 0.0, 500.0], [1000.0, 1000.0, -1000.0, 0.0], [0.0, -1000.0, 0.0, 0.0]]),
            np.array([0, 2, 1]),
            0.1,
            -100,
        ),
        "note": "values outside exp's range: naive softmax overflows, log of an underflowed p is -inf",
    },
    {
        "name": "integer logits",
        "kind": "hidden",
        "args": (np.array([[3, 0, -2], [1, 1, 1], [0, 5, 2]]), np.array([0, 2, -100]), 0.25, -100),
        "note": "int dtype logits: compute in floating point; a tied row gives p = 1/3 each",
    },
    {
        "name": "padding interleaved with repeats",
        "kind": "hidden",
        "args": (
            np.tile(_R.normal(0, 1, size=(1, 5)), (7, 1)),
            np.array([4, -100, 4, 0, -100, -100, 2]),
            0.1,
            -100,
        ),
        "note": "identical rows with unsorted targets and padding in between: the mean is over 4 positions",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG_Z, _BIG_Y, 0.1, 0),
        "note": "N = 512, K = 4096, about 20% padding with id 0, a grid of logits at 1000",
    },
]
