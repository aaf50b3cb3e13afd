"""Tests for one KV-cache decoding step. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _weights(rng, d_model, scale=1.0):
    s = scale / np.sqrt(d_model)
    return tuple(rng.normal(0, s, size=(d_model, d_model)) for _ in range(3))


def _args(rng, t, d_model, n_heads, window, x_scale=1.0, w_scale=1.0):
    d_head = d_model // n_heads
    x = rng.normal(0, x_scale, d_model)
    k_cache = rng.normal(0, 1, (n_heads, t, d_head))
    v_cache = rng.normal(0, 1, (n_heads, t, d_head))
    return (x, *_weights(rng, d_model, w_scale), k_cache, v_cache, n_heads, window)


def generate(rng, size):
    """t = size cached positions; window none, larger, equal or smaller than t + 1."""
    t = max(0, int(size))
    d_model = int(rng.choice([2, 4, 8, 12, 32] if t > 200 else [2, 4, 8, 12, 32, 128]))
    heads = [h for h in range(1, min(d_model, 16) + 1) if d_model % h == 0]
    n_heads = int(rng.choice(heads))
    choice = rng.integers(0, 4)
    window = [None, t + 1 + int(rng.integers(0, 3)), max(1, t), int(rng.integers(1, t + 2))][choice]
    return _args(rng, t, d_model, n_heads, window, float(rng.choice([0.5, 1.0, 4.0])))


_WQ = np.eye(4)
_WV = np.arange(16.0).reshape(4, 4) / 8
_KC = np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.5, 0.5], [2.0, 0.0]]])
_VC = np.array([[[1.0, 2.0], [3.0, 4.0]], [[0.0, 1.0], [1.0, 0.0]]])
_X = np.array([1.0, 0.0, 0.0, 2.0])


def _big_scores():
    rng = np.random.default_rng(17)
    args = list(_args(rng, 9, 8, 2, None))
    args[0] = args[0] * 40.0
    args[1] = args[1] * 8.0
    args[2] = args[2] * 8.0
    args[4] = args[4] * 40.0
    return tuple(args)


CASES = [
    {
        "name": "prompt example, window 2",
        "kind": "visible",
        "args": (_X, _WQ, _WQ, _WV, _KC, _VC, 2, 2),
        "note": "the example from the prompt: the oldest position is evicted",
    },
    {
        "name": "prompt example, no window",
        "kind": "visible",
        "args": (_X, _WQ, _WQ, _WV, _KC, _VC, 2, None),
        "note": "window None keeps all three positions",
    },
    {
        "name": "empty cache",
        "kind": "hidden",
        "args": (_X, _WQ, _WQ, _WV, np.zeros((2, 0, 2)), np.zeros((2, 0, 2)), 2, None),
        "note": "empty input: t = 0, the token attends only to itself",
    },
    {
        "name": "window of one",
        "kind": "hidden",
        "args": _args(np.random.default_rng(1), 6, 8, 4, 1),
        "note": "window = 1: everything cached is evicted; out is the new value vector",
    },
    {
        "name": "window equal to t + 1",
        "kind": "hidden",
        "args": _args(np.random.default_rng(2), 5, 6, 3, 6),
        "note": "off-by-one edge: exactly t + 1 positions fit, nothing is evicted",
    },
    {
        "name": "window equal to t",
        "kind": "hidden",
        "args": _args(np.random.default_rng(3), 5, 6, 3, 5),
        "note": "off-by-one edge: one position (the oldest) must go",
    },
    {
        "name": "cache longer than the window",
        "kind": "hidden",
        "args": _args(np.random.default_rng(4), 10, 4, 2, 3),
        "note": "the cache handed in holds 10 positions, the window 3: cut to the last 3",
    },
    {
        "name": "one head",
        "kind": "hidden",
        "args": _args(np.random.default_rng(5), 7, 6, 1, None),
        "note": "n_heads = 1: the scale is 1/sqrt(d_model)",
    },
    {
        "name": "head size one",
        "kind": "hidden",
        "args": _args(np.random.default_rng(6), 4, 4, 4, 3),
        "note": "n_heads = d_model: each head is one entry",
    },
    {
        "name": "distinct query and key projections",
        "kind": "hidden",
        "args": _args(np.random.default_rng(7), 12, 12, 3, 8),
        "note": "W_q, W_k and W_v all different and not symmetric",
    },
    {
        "name": "scores in the thousands",
        "kind": "hidden",
        "args": _big_scores(),
        "note": "values far outside exp's range: needs the max shift",
    },
    {
        "name": "integer inputs",
        "kind": "hidden",
        "args": (
            np.array([1, 0, 2, 1]),
            np.eye(4, dtype=int),
            np.array([[1, 0, 0, 1], [0, 1, 1, 0], [1, 1, 0, 0], [0, 0, 1, 1]]),
            np.array([[0, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]]),
            np.array([[[1, 0], [0, 1]], [[2, 1], [0, 0]]]),
            np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]),
            2,
            None,
        ),
        "note": "integer dtype arrays: compute in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _args(np.random.default_rng(8), 2048, 128, 16, 1024),
        "note": "t = 2048 cached positions, d_model = 128, 16 heads, window 1024",
    },
]
