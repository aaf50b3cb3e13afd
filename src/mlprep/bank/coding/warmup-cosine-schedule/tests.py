"""Tests for the warm-up + cosine learning-rate schedule. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _boundaries(w, t):
    """The steps where the phases meet: W - 1, W, W + 1, T - 1, T, T + 1 (those >= 0)."""
    return [s for s in (0, w - 1, w, w + 1, t - 1, t, t + 1) if s >= 0]


def generate(rng, size):
    """size steps, unsorted with repeats, around every phase boundary and past the end."""
    n = int(size)
    t = int(rng.choice([1, 2, 10, 1000, 100_000, 1_000_000_000]))
    kind = rng.random()
    if kind < 0.15:
        w = 0  # no warm-up
    elif kind < 0.25:
        w = t  # no decay
    else:
        w = int(rng.integers(0, t + 1))
    base = float(rng.choice([3e-4, 1e-3, 0.1, 1.0, 10.0]))
    min_lr = float(rng.choice([0.0, 0.1 * base, base, float(rng.uniform(0, base))]))
    pool = np.array(_boundaries(w, t), dtype=np.int64)
    steps = np.concatenate(
        [
            rng.integers(0, 2 * t + 2, size=n),  # a quarter or more lands past the end
            rng.choice(pool, size=n),  # boundaries, repeated
        ]
    )
    steps = rng.permutation(steps)[:n]
    return (steps, base, min_lr, w, t)


_EX = np.array([0, 1, 3, 4, 8, 11, 12, 500])
_BIG_T = 1_000_000_000
_big_rng = np.random.default_rng(2026)
_BIG_STEPS = np.concatenate(
    [
        _big_rng.integers(0, 2 * _BIG_T, size=199_993),
        np.array(_boundaries(2000, _BIG_T), dtype=np.int64),
    ]
)
_big_rng.shuffle(_BIG_STEPS)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EX, 0.1, 0.01, 4, 12),
        "note": "the example from the prompt: warm-up, decay and floor",
    },
    {
        "name": "prompt example without warm-up",
        "kind": "visible",
        "args": (np.array([5, 0, 5]), 0.1, 0.0, 0, 10),
        "note": "warmup_steps = 0, unsorted steps with a repeat",
    },
    {
        "name": "no steps",
        "kind": "hidden",
        "args": (np.zeros(0, dtype=np.int64), 0.1, 0.01, 4, 12),
        "expected": np.zeros(0),
        "note": "empty input: an empty float array",
    },
    {
        "name": "single step at the peak",
        "kind": "hidden",
        "args": (np.array([7]), 0.5, 0.05, 7, 20),
        "expected": np.array([0.5]),
        "note": "a single step, exactly s = W: the peak, not the end of the warm-up formula's range",
    },
    {
        "name": "every step around the boundaries",
        "kind": "hidden",
        "args": (np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 1.0, 0.2, 3, 9),
        "note": "W - 1, W, W + 1, T - 1, T, T + 1 in order: catches <= for < at either boundary",
    },
    {
        "name": "steps reversed and repeated",
        "kind": "hidden",
        "args": (np.array([30, 9, 9, 4, 2, 2, 0, 0]), 1.0, 0.1, 3, 10),
        "note": "unsorted steps with repeats: the output follows the input order",
    },
    {
        "name": "warm-up takes the whole run",
        "kind": "hidden",
        "args": (np.array([0, 3, 5, 6, 9, 100]), 2.0, 0.5, 6, 6),
        "note": "warmup_steps = total_steps: no decay phase (T - W = 0 never divides)",
    },
    {
        "name": "one decay step",
        "kind": "hidden",
        "args": (np.array([4, 5, 6, 3]), 1.0, 0.25, 5, 6),
        "note": "T - W = 1: the only decay step is the peak",
    },
    {
        "name": "run extended past the end",
        "kind": "hidden",
        "args": (np.array([100, 150, 175, 199, 200, 250, 300, 399, 1000]), 1.0, 0.0, 0, 200),
        "note": "steps up to 5 T: the floor holds; continuing the cosine would climb back to the peak at 2 T",
    },
    {
        "name": "floor equals peak",
        "kind": "hidden",
        "args": (np.array([0, 1, 2, 10, 50]), 0.3, 0.3, 2, 20),
        "note": "min_lr = base_lr: warm-up, then constant",
    },
    {
        "name": "zero floor with large peak",
        "kind": "hidden",
        "args": (np.array([0, 25, 50, 75, 99, 100]), 10.0, 0.0, 0, 100),
        "note": "min_lr = 0 and the largest stated base_lr: the floor is not a fraction of the peak",
    },
    {
        "name": "integer-valued rates",
        "kind": "hidden",
        "args": (np.array([0, 1, 2, 3, 4, 6, 8]), 4.0, 1.0, 4, 8),
        "note": "warm-up values 0, 1, 2, 3 are exact in floats; the decay midpoint is exactly 2.5",
    },
    {
        "name": "int32 steps",
        "kind": "hidden",
        "args": (np.array([3, 1, 2], dtype=np.int32), 0.1, 0.0, 2, 4),
        "note": "int32 steps: arithmetic must not stay in integers",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG_STEPS, 3e-4, 3e-5, 2000, _BIG_T),
        "note": "n = 200,000 steps, total_steps = 1e9, boundaries and steps past the end included",
    },
]
