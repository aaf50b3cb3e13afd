"""Tests for the two-sample KS test. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """n = size values; m near n; continuous, rounded (ties) or small-integer (heavy ties).

    Shifts range from none (lambda < 0.2 gives p = 1) to large (p near 0), and the
    samples are left unsorted.
    """
    n = max(1, int(size))
    m = min(50_000, max(1, int(rng.integers(max(1, n // 3), 2 * n + 1))))
    shift = float(rng.choice([0.0, 0.05, 0.3, 1.5]))
    kind = rng.integers(0, 3)
    a = rng.normal(0, 1, n)
    b = rng.normal(shift, float(rng.choice([1.0, 1.5])), m)
    if kind == 1:
        a, b = np.round(a, 1), np.round(b, 1)
    elif kind == 2:
        a = rng.poisson(3.0, n).astype(float)
        b = rng.poisson(3.0 + shift, m).astype(float)
    return (a, b)


_A = np.array([1.0, 2.0, 2.0, 3.0, 5.0])
_B = np.array([2.0, 3.0, 3.0, 4.0, 6.0, 7.0])
_R = np.random.default_rng(404)
_R2 = np.random.default_rng(405)  # its own stream: the cases drawn from _R stay the same

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_A, _B),
        "note": "the example from the prompt: ties at 2 and 3 across the samples",
    },
    {
        "name": "prompt example, swapped",
        "kind": "visible",
        "args": (_B, _A),
        "note": "the statistic and p-value are symmetric",
    },
    {
        "name": "identical samples",
        "kind": "hidden",
        "args": (_A, _A[::-1].copy()),
        "expected": (0.0, 1.0),
        "note": "D = 0: lambda < 0.2 returns p = 1.0",
    },
    {
        "name": "single values",
        "kind": "hidden",
        "args": (np.array([1.0]), np.array([2.0])),
        "note": "single inputs, n = m = 1: D = 1",
    },
    {
        "name": "single equal values",
        "kind": "hidden",
        "args": (np.array([3.0]), np.array([3.0])),
        "expected": (0.0, 1.0),
        "note": "one tied value: counting one copy at a time would give D = 1",
    },
    {
        "name": "all values tied across samples",
        "kind": "hidden",
        "args": (np.array([0.0, 1.0, 1.0, 0.0, 1.0, 0.0]), np.array([1.0, 0.0, 1.0, 0.0])),
        "note": "duplicates only: 0/1 feature, identical shares, unsorted; D = 0",
    },
    {
        "name": "binary feature with a shift",
        "kind": "hidden",
        "args": (np.array([0.0] * 60 + [1.0] * 40), np.array([1.0] * 55 + [0.0] * 45)),
        "note": "duplicates: D is the difference of the shares of 0",
    },
    {
        "name": "near-ties across samples",
        "kind": "hidden",
        "args": (np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0 + 1e-9, 2.0 - 1e-9, 3.0 + 1e-9, 4.0 - 1e-9])),
        "note": "values within 1e-9 but not equal: they are distinct points of the CDFs",
    },
    {
        "name": "gap peaks at a value of the second sample",
        "kind": "hidden",
        "args": (np.array([6.0, 5.0]), np.array([7.0, 1.0, 2.0])),
        "note": "the largest gap is at x = 2, a value only sample_b has: every pooled value counts",
    },
    {
        "name": "disjoint ranges",
        "kind": "hidden",
        "args": (_R.normal(0, 1, 200), _R.normal(50, 1, 150)),
        "note": "complete separation: D = 1 and a p-value near 0 (clipped, never negative)",
    },
    {
        "name": "lambda just above 0.2",
        "kind": "hidden",
        "args": (np.arange(40.0), np.arange(40.0) + 2.0),
        "note": "small shift: D = 0.05 with n = m = 40 puts lambda just above 0.2: the series, not the shortcut",
    },
    {
        "name": "very different sizes",
        "kind": "hidden",
        "args": (_R.normal(0, 1, 3), _R.normal(0.5, 1, 3000)),
        "note": "n = 3, m = 3000: the effective size nm/(n+m) is near 3",
    },
    {
        "name": "integer dtype",
        "kind": "hidden",
        "args": (np.array([3, 1, 4, 1, 5, 9, 2, 6]), np.array([2, 7, 1, 8, 2, 8])),
        "note": "integer arrays with ties",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (np.round(_R.normal(0, 1, 50000), 2), np.round(_R.normal(0.02, 1, 50000), 2)),
        "note": "n = m = 50,000 values rounded to 0.01 (many ties), a small shift",
    },
    {
        "name": "largest stated size, continuous",
        "kind": "hidden",
        "args": (_R2.normal(0, 1, 50000), _R2.normal(0.01, 1, 50000)),
        "note": "n = m = 50,000 distinct values: one scan of both samples per distinct value "
        "is 10^10 steps, where the rounded case above has only about 800 distinct values",
    },
]
