"""Tests for the InfoNCE loss and its gradient. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """B = size pairs; keys correlated with their queries; temperatures 0.001 to 1.

    Some batches repeat a key (false negatives) and some scale the rows so their
    norms differ by orders of magnitude.
    """
    b = max(1, int(size))
    d = int(rng.choice([1, 2, 8, 32, 64] if b <= 64 else [8, 32, 64]))
    q = rng.normal(0, 1, (b, d))
    k = q + rng.normal(0, float(rng.choice([0.1, 1.0, 3.0])), (b, d))
    if b > 1 and rng.random() < 0.3:
        k[rng.integers(0, b)] = k[rng.integers(0, b)]
    if rng.random() < 0.3:
        q *= rng.choice([1e-3, 1.0, 1e3], size=(b, 1))
    # never an all-zero row
    q[np.all(q == 0, axis=1), 0] = 1.0
    k[np.all(k == 0, axis=1), 0] = 1.0
    return (q, k, float(rng.choice([0.001, 0.05, 0.1, 1.0])))


_Q = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
_K = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
_R = np.random.default_rng(7)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_Q, _K, 0.5),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, low temperature",
        "kind": "visible",
        "args": (_Q, _K, 0.05),
        "note": "sharper softmax",
    },
    {
        "name": "single pair",
        "kind": "hidden",
        "args": (np.array([[3.0, -1.0, 2.0]]), np.array([[0.0, 1.0, 0.0]]), 0.1),
        "expected": (0.0, np.zeros((1, 3))),
        "note": "single input, B = 1: no negatives, loss 0 and zero gradient",
    },
    {
        "name": "one dimension",
        "kind": "hidden",
        "args": (np.array([[2.0], [-0.5], [1.0]]), np.array([[1.0], [-3.0], [-1.0]]), 0.2),
        "note": "d = 1: normalised rows are +-1, the gradient through the normalisation is exactly 0",
    },
    {
        "name": "duplicate keys",
        "kind": "hidden",
        "args": (_R.normal(size=(5, 4)), np.repeat(_R.normal(size=(1, 4)), 5, axis=0) + np.r_[np.zeros((2, 4)), _R.normal(size=(3, 4))], 0.1),
        "note": "duplicates: two rows share the same key (false negatives); their logits tie exactly",
    },
    {
        "name": "tiny temperature",
        "kind": "hidden",
        "args": (_R.normal(size=(16, 8)), _R.normal(size=(16, 8)), 0.001),
        "note": "logits up to 1000: values far outside exp's range need the max shift",
    },
    {
        "name": "queries of very different lengths",
        "kind": "hidden",
        "args": (_R.normal(size=(6, 5)) * np.array([[1e-3], [1.0], [1e3], [1.0], [50.0], [0.02]]), _R.normal(size=(6, 5)), 0.1),
        "note": "norms from 1e-3 to 1e3: the loss ignores them, the gradient scales as 1 / |q|",
    },
    {
        "name": "near-tied negatives",
        "kind": "hidden",
        "args": (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([[1.0, 1e-9], [0.0, 1.0], [1.0, 1.0 + 1e-9]]), 0.05),
        "note": "keys within 1e-9 of other directions: near-ties in the logits, not bit-equal",
    },
    {
        "name": "integer inputs",
        "kind": "hidden",
        "args": (np.array([[1, 2], [3, 0], [0, 1]]), np.array([[2, 2], [1, 0], [1, 1]]), 1.0),
        "note": "integer dtype arrays: normalise in floating point",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_R.normal(size=(256, 64)), _R.normal(size=(256, 64)), 0.07),
        "note": "B = 256, d = 64",
    },
    {
        "name": "one query opposite every key at temperature 0.001",
        "kind": "hidden",
        "args": (np.array([[1.0, 0.0], [-1.0, 0.0]]), np.array([[1.0, 0.0], [1.0, 0.01]]), 0.001),
        "note": "row 2's logits are near -1000 while row 1's reach +1000: shifting by one "
        "maximum over the whole matrix underflows row 2 to log(0); each row needs its own",
    },
]
