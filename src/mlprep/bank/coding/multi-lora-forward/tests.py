"""Tests for the multi-adapter LoRA forward pass. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _adapter(rng, d_in, d_out, r, alpha):
    # B is random here (a trained adapter), not the zero it starts from
    return (rng.normal(0, d_in**-0.5, size=(r, d_in)), rng.normal(0, r**-0.5, size=(d_out, r)), alpha)


def generate(rng, size):
    """N = size rows; adapters of different ranks (some unused), ids interleaved with -1;
    bias or None; sometimes integer arrays and an int alpha that r does not divide."""
    n = int(size)
    if n >= 2048:
        d_in = d_out = 512
    else:
        d_in, d_out = (int(v) for v in rng.integers(1, 25, size=2))
    n_adapters = int(rng.integers(0, 9))
    adapters = []
    for _ in range(n_adapters):
        r = int(rng.choice([1, 2, 4, 8, 16, 64]))
        alpha = [1.0, 8.0, 16.0, 3, 32][int(rng.integers(5))]  # ints 3 and 32 stay Python ints
        adapters.append(_adapter(rng, d_in, d_out, r, alpha))
    ids = rng.integers(-1, n_adapters, size=n) if n_adapters else np.full(n, -1)
    if n_adapters and rng.random() < 0.3:
        ids[ids == int(rng.integers(n_adapters))] = -1  # an adapter with no rows
    x = rng.normal(0, 1, size=(n, d_in))
    weight = rng.normal(0, d_in**-0.5, size=(d_out, d_in))
    if rng.random() < 0.2:  # integer arrays: exact products, float scale
        x = rng.integers(-3, 4, size=(n, d_in))
        weight = rng.integers(-2, 3, size=(d_out, d_in))
    bias = None if rng.random() < 0.3 else rng.normal(0, 1, size=d_out)
    return (x, weight, bias, adapters, ids)


_X = np.array([[1.0, 0.0, 2.0], [0.5, -1.0, 1.0], [2.0, 1.0, 0.0], [0.0, 1.0, 1.0]])
_W = np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]])
_B = np.array([0.1, -0.2])
_AD0 = (np.array([[1.0, 1.0, 0.0]]), np.array([[0.5], [-1.0]]), 2.0)
_AD1 = (np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 0.5]]), 4.0)
_R = np.random.default_rng(64)


def _square(seed, n, d, ranks, ids):
    rng = np.random.default_rng(seed)
    adapters = [_adapter(rng, d, d, r, 16.0) for r in ranks]
    return (rng.normal(size=(n, d)), rng.normal(0, d**-0.5, size=(d, d)), rng.normal(size=d), adapters, np.array(ids))


def _big():
    rng = np.random.default_rng(2048)
    ranks = [8, 16, 64, 64, 32, 64, 4, 64]
    adapters = [_adapter(rng, 512, 512, r, float(2 * r)) for r in ranks]
    ids = rng.integers(0, 8, size=2048)
    ids[rng.random(2048) < 0.1] = -1
    return (rng.normal(size=(2048, 512)), rng.normal(0, 512**-0.5, size=(512, 512)), rng.normal(size=512), adapters, ids)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_X, _W, _B, [_AD0, _AD1], np.array([1, -1, 0, 1])),
        "note": "the example from the prompt: ranks 1 and 2, one base row",
    },
    {
        "name": "no rows",
        "kind": "hidden",
        "args": (np.zeros((0, 3)), _W, _B, [_AD0, _AD1], np.zeros(0, dtype=np.int64)),
        "expected": np.zeros((0, 2)),
        "note": "N = 0: an empty (0, d_out) array",
    },
    {
        "name": "no adapters at all",
        "kind": "hidden",
        "args": (_X, _W, _B, [], np.full(4, -1)),
        "note": "an empty adapter list, every id -1: the base layer",
    },
    {
        "name": "every row on the base model",
        "kind": "hidden",
        "args": (_X, _W, _B, [_AD0, _AD1], np.full(4, -1)),
        "note": "id -1 with adapters present: adapters[-1] would apply the last adapter",
    },
    {
        "name": "single row, no bias",
        "kind": "hidden",
        "args": (_X[:1], _W, None, [_AD0], np.array([0])),
        "note": "N = 1 and bias None",
    },
    {
        "name": "rows of each adapter scattered",
        "kind": "hidden",
        "args": _square(1, 9, 6, [2, 3, 1], [2, 0, 2, -1, 1, 0, 1, 2, -1]),
        "note": "unsorted adapter ids: grouping must write back to the original rows",
    },
    {
        "name": "square layer",
        "kind": "hidden",
        "args": _square(2, 5, 4, [3], [0, 0, -1, 0, 0]),
        "note": "d_in = d_out: a transposed update (x B A instead of x A^T B^T) keeps the shape but not the values",
    },
    {
        "name": "int alpha that r does not divide",
        "kind": "hidden",
        "args": (
            np.array([[1, 2, 0], [0, 1, -1]]),
            np.array([[1, 0, 2], [0, 1, 1]]),
            np.array([0, 1]),
            [(np.array([[1, 0, 1], [0, 1, 0]]), np.array([[1, 1], [0, 2]]), 3)],
            np.array([0, 0]),
        ),
        "note": "integer arrays and alpha = 3 with r = 2: the scale is 1.5 (alpha // r would give 1)",
    },
    {
        "name": "rank larger than the output size",
        "kind": "hidden",
        "args": (
            _R.normal(size=(4, 5)),
            _R.normal(size=(2, 5)),
            None,
            [(_R.normal(size=(3, 5)), _R.normal(size=(2, 3)), 6.0)],
            np.array([0, -1, 0, 0]),
        ),
        "note": "r = 3 > d_out = 2: the scale divides by r from lora_a, not by d_out or d_in",
    },
    {
        "name": "unused adapter",
        "kind": "hidden",
        "args": _square(3, 4, 3, [1, 2, 2], [0, 2, 0, 2]),
        "note": "adapter 1 has no rows: nothing to add",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _big(),
        "note": "N = 2,048, d_in = d_out = 512, 8 adapters up to rank 64, 10% base rows",
    },
]
