"""Tests for gradient accumulation and global-norm clipping. Trusted: never shown to the learner's sandbox."""

import math

import numpy as np


def _norm(micro_grads, micro_sizes):
    total = float(sum(micro_sizes))
    sq = 0.0
    for j in range(len(micro_grads[0])):
        parts = [np.asarray(g[j], dtype=np.float64) * n for g, n in zip(micro_grads, micro_sizes) if g[j] is not None]
        if parts:
            acc = sum(parts) / total
            sq += float(np.sum(acc * acc))
    return math.sqrt(sq)


def _shape(rng, budget):
    kind = rng.random()
    if kind < 0.1:
        return ()
    if kind < 0.15:
        return (0,) if rng.random() < 0.5 else (3, 0)
    if kind < 0.55:
        return (int(rng.integers(1, budget + 1)),)
    if kind < 0.85:
        a = int(rng.integers(1, max(2, int(math.sqrt(budget)) + 1)))
        return (a, int(rng.integers(1, max(2, budget // a) + 1)))
    a = int(rng.integers(1, 9))
    b = int(rng.integers(1, 9))
    return (a, b, int(rng.integers(1, max(2, budget // (a * b)) + 1)))


def generate(rng, size):
    """M micro-batches of unequal sizes, P parameters of mixed shapes (0-d, empty, 1-3-D)
    and dtypes (float32/float64); None sometimes or always; max_norm below, at or above
    the norm."""
    size = int(size)
    m = int(rng.integers(1, 17)) if size >= 16 else int(rng.integers(1, 5))
    p = int(rng.integers(0, min(64, size) + 1))
    budget = max(1, 3900 if size >= 64 else 4 * size)  # 64 * 3900 < 250,000 entries
    shapes = [_shape(rng, budget) for _ in range(p)]
    dtypes = [rng.choice([np.float32, np.float64]) for _ in range(p)]
    presence = [float(rng.choice([1.0, 1.0, 0.6, 0.0])) for _ in range(p)]
    scale = float(rng.choice([1e-3, 1.0, 100.0]))
    micro_grads = [
        [
            rng.normal(0, scale, size=shapes[j]).astype(dtypes[j]) if rng.random() < presence[j] else None
            for j in range(p)
        ]
        for _ in range(m)
    ]
    micro_sizes = [int(n) for n in rng.integers(1, 65, size=m)]
    norm = _norm(micro_grads, micro_sizes) if p else 0.0
    choice = rng.random()
    if norm == 0.0 or choice < 0.15:
        max_norm = 1.0
    elif choice < 0.55:
        max_norm = norm * float(rng.choice([0.01, 0.5, 0.9]))  # clipping active
    elif choice < 0.7:
        max_norm = norm * (1.0 + 1e-12)  # a near-tie: either branch gives the same answer
    else:
        max_norm = norm * float(rng.choice([1.1, 2.0, 100.0]))
    return (micro_grads, micro_sizes, max_norm)


_MICRO = [[np.array([3.0, 4.0]), np.array([[1.0]]), None], [np.array([1.0, 0.0]), None, None]]
_R = np.random.default_rng(44)


def _big():
    rng = np.random.default_rng(250_000)
    shapes = [(3900,)] * 63 + [(250_000 - 63 * 3900,)]
    micro = [[rng.normal(0, 0.01, size=s).astype(np.float32) for s in shapes] for _ in range(16)]
    for m in range(0, 16, 3):
        micro[m][5] = None
    return (micro, [32] * 15 + [7], 1.0)


CASES = [
    {
        "name": "prompt example, no clipping",
        "kind": "visible",
        "args": (_MICRO, [3, 1], 5.0),
        "note": "the example from the prompt: unequal sizes and a None entry, norm below max_norm",
    },
    {
        "name": "prompt example, clipped",
        "kind": "visible",
        "args": (_MICRO, [3, 1], 1.0),
        "note": "one factor for every parameter; the returned norm is the one before clipping",
    },
    {
        "name": "single micro-batch, single parameter",
        "kind": "hidden",
        "args": ([[np.array([0.6, -0.8, 0.0])]], [5], 0.5),
        "note": "M = 1, P = 1: the accumulated gradient is the micro-batch mean itself",
    },
    {
        "name": "no parameters",
        "kind": "hidden",
        "args": ([[], []], [2, 3], 1.0),
        "expected": ([], 0.0),
        "note": "P = 0: an empty list and norm 0.0",
    },
    {
        "name": "every parameter frozen",
        "kind": "hidden",
        "args": ([[None, None], [None, None]], [4, 4], 1.0),
        "expected": ([None, None], 0.0),
        "note": "all entries None: the result keeps None, not zero arrays, and the norm is 0.0",
    },
    {
        "name": "all-zero gradients",
        "kind": "hidden",
        "args": ([[np.zeros(3), np.zeros((2, 2))], [np.zeros(3), np.zeros((2, 2))]], [1, 2], 1e-3),
        "note": "norm 0 below a tiny max_norm: no clipping and no division by zero",
    },
    {
        "name": "norm exactly max_norm",
        "kind": "hidden",
        "args": ([[np.array([3.0]), np.array([4.0])], [np.array([3.0]), np.array([4.0])]], [2, 7], 5.0),
        "note": "a norm of exactly 5 with max_norm 5: unchanged (the factor would be 1 anyway)",
    },
    {
        "name": "micro-batches of very different sizes",
        "kind": "hidden",
        "args": ([[np.array([1.0, -1.0])], [np.array([-1.0, 1.0])], [np.array([10.0, 2.0])]], [60, 60, 8], 100.0),
        "note": "sizes 60, 60, 8: equal weighting of the micro-batch means gives (10/3, 2/3) instead of (0.625, 0.125)",
    },
    {
        "name": "expert missing in most micro-batches",
        "kind": "hidden",
        "args": (
            [[np.array([2.0, 2.0]), None], [np.array([0.5, 0.0]), None], [np.array([1.0, 1.0]), np.array([4.0])]],
            [10, 10, 4],
            100.0,
        ),
        "note": "None in two micro-batches: dividing by the sizes where the expert was present gives 4, not 2/3",
    },
    {
        "name": "one micro-batch dominates the norm",
        "kind": "hidden",
        "args": ([[np.array([30.0, 40.0]), np.array([0.1])], [np.array([0.3, 0.4]), np.array([-0.2])]], [1, 1], 1.0),
        "note": "clipping each micro-batch before accumulating gives another direction than clipping once after",
    },
    {
        "name": "one parameter dominates the norm",
        "kind": "hidden",
        "args": ([[np.array([300.0]), np.array([0.3, 0.4])]], [4], 2.0),
        "note": "per-tensor clipping leaves the small parameter at norm 0.5; global clipping shrinks it 150-fold",
    },
    {
        "name": "float32 gradients",
        "kind": "hidden",
        "args": (
            [[np.full(1000, 0.1, dtype=np.float32)], [np.full(1000, 0.3, dtype=np.float32)], [np.full(1000, 0.7, dtype=np.float32)]],
            [3, 5, 7],
            100.0,
        ),
        "note": "float32 inputs: accumulating in float32 is off by about 1e-8 relative; results must be float64-exact",
    },
    {
        "name": "scalar and empty parameters",
        "kind": "hidden",
        "args": (
            [[np.array(2.0), np.zeros((0, 4)), np.array([1.0, 1.0])], [np.array(-1.0), np.zeros((0, 4)), None]],
            [1, 2],
            0.5,
        ),
        "note": "a 0-d parameter stays 0-d and an empty one stays (0, 4); both go through the clipping",
    },
    {
        "name": "cancelling micro-batches",
        "kind": "hidden",
        "args": ([[np.array([0.7, 1e-3])], [np.array([-0.7, 1e-3])]], [3, 3], 1.0),
        "note": "opposite gradients of equal weight cancel to about 0 (atol absorbs the rounding)",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _big(),
        "note": "M = 16, P = 64, 250,000 float32 entries per micro-batch, one sparse parameter",
    },
]
