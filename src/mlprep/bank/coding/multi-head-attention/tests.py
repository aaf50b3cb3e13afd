"""Tests for multi-head self-attention. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _weights(rng, d_model):
    scale = 1 / np.sqrt(d_model)
    return tuple(rng.normal(0, scale, size=(d_model, d_model)) for _ in range(4))


def generate(rng, size):
    """T = size tokens; d_model and the head count vary, the mask is on or off."""
    t = max(1, int(size))
    d_model = int(rng.choice([4, 8, 12, 16, 32]))
    divisors = [h for h in range(1, d_model + 1) if d_model % h == 0]
    n_heads = int(rng.choice(divisors))
    x = rng.normal(0, float(rng.choice([0.5, 1.0, 3.0])), size=(t, d_model))
    return (x, *_weights(rng, d_model), n_heads, bool(rng.random() < 0.6))


_X = np.array([[1.0, 0.0, 1.0, 0.0], [0.0, 2.0, 0.0, 1.0], [1.0, 1.0, -1.0, 0.0]])
_EYE = np.eye(4)


def _case(seed, t, d_model, n_heads, causal, x_scale=1.0):
    rng = np.random.default_rng(seed)
    return (rng.normal(0, x_scale, size=(t, d_model)), *_weights(rng, d_model), n_heads, causal)


_BIG = _case(11, 6, 8, 2, True)
_BIG = (_BIG[0] * 60.0, _BIG[1] * 3.0, _BIG[2] * 3.0, *_BIG[3:])

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _EYE, _EYE, _EYE, _EYE, 2, True),
        "note": "the example from the prompt: two heads, causal",
    },
    {
        "name": "prompt example without the mask",
        "kind": "visible",
        "args": (_X, _EYE, _EYE, _EYE, _EYE, 2, False),
        "note": "every token sees every token",
    },
    {
        "name": "single token",
        "kind": "hidden",
        "args": _case(1, 1, 8, 4, True),
        "note": "T = 1: the only key is the token itself; output = value projection times W_o",
    },
    {
        "name": "one head",
        "kind": "hidden",
        "args": _case(2, 7, 6, 1, True),
        "note": "n_heads = 1: d_head = d_model, the scale is 1/sqrt(d_model)",
    },
    {
        "name": "head size one",
        "kind": "hidden",
        "args": _case(3, 5, 4, 4, False),
        "note": "n_heads = d_model: each head is one column",
    },
    {
        "name": "asymmetric projections, many heads",
        "kind": "hidden",
        "args": _case(4, 9, 12, 3, True),
        "note": "W_q != W_k: catches scores computed as K Q^T (a transposed mask or softmax axis)",
    },
    {
        "name": "scores in the thousands",
        "kind": "hidden",
        "args": _BIG,
        "note": "values outside exp's range: needs the max shift before exp",
    },
    {
        "name": "integer inputs",
        "kind": "hidden",
        "args": (
            np.array([[1, 0, 2, 1], [0, 1, 1, 0], [2, 1, 0, 1]]),
            np.array([[1, 0, 0, 1], [0, 1, 1, 0], [1, 1, 0, 0], [0, 0, 1, 1]]),
            np.array([[0, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0]]),
            np.array([[1, 2, 0, 0], [0, 1, 0, 1], [1, 0, 1, 0], [0, 0, 2, 1]]),
            np.eye(4, dtype=int),
            2,
            True,
        ),
        "note": "integer dtype arrays: the arithmetic must happen in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _case(5, 64, 32, 8, True),
        "note": "the largest stated size: T = 64, d_model = 32, 8 heads",
    },
]
