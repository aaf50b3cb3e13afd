"""Tests for the population stability index. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """n = size reference values, m drawn near it; continuous, integer-valued or mixed.

    Integer-valued draws (a few distinct values) give repeated edges and live values
    exactly on edges; shifted and widened live samples reach beyond the reference's
    range and leave bins empty (the 1e-4 floor).
    """
    n = max(1, int(size))
    m = min(50_000, max(1, int(rng.integers(max(1, n // 2), 2 * n + 1))))
    kind = rng.integers(0, 3)
    shift = float(rng.choice([0.0, 0.1, 0.5, 2.0]))
    if kind == 0:
        e = rng.normal(0, 1, n)
        a = rng.normal(shift, float(rng.choice([0.5, 1.0, 3.0])), m)
    elif kind == 1:
        e = rng.integers(0, int(rng.integers(1, 8)), n).astype(float)
        a = (rng.integers(0, 8, m) + round(shift)).astype(float)
    else:
        e = np.round(rng.exponential(2.0, n), 1)
        a = np.round(rng.exponential(2.0 + shift, m), 1)
    return (e, a, int(rng.integers(1, 21)))


_E = np.array([1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
_A = np.array([2.0, 2.0, 2.0, 3.0, 6.5, 7.0, 9.5, 10.0, 12.0, 0.5])
_R = np.random.default_rng(31)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_E, _A, 4),
        "note": "the example from the prompt: edges 2, 4, 7; values outside the range",
    },
    {
        "name": "prompt example, same sample",
        "kind": "visible",
        "args": (_E, _E.copy(), 4),
        "expected": 0.0,
        "note": "identical samples score 0",
    },
    {
        "name": "live values on an edge",
        "kind": "hidden",
        "args": (_E, np.array([2.0, 2.0, 2.0]), 4),
        "note": "values exactly on the first edge stay in the first bin (right-closed); three empty bins floored",
    },
    {
        "name": "live values just past an edge",
        "kind": "hidden",
        "args": (_E, np.array([2.0, 2.0, 2.0]) + 1e-9, 4),
        "note": "near-tie: 1e-9 above the edge moves them to the next bin",
    },
    {
        "name": "live values just below an edge",
        "kind": "hidden",
        "args": (_E, np.array([4.0 - 1e-9, 4.0, 7.0 - 1e-9, 7.0 + 1e-9]), 4),
        "note": "near-ties on both sides of the edges 4 and 7",
    },
    {
        "name": "single reference value",
        "kind": "hidden",
        "args": (np.array([3.0]), np.array([1.0, 3.0, 5.0]), 10),
        "note": "n = 1: every edge is the same value, deduplicated to one edge and two bins",
    },
    {
        "name": "single live value",
        "kind": "hidden",
        "args": (_E, np.array([5.5]), 5),
        "note": "m = 1: one bin holds everything, the rest are floored",
    },
    {
        "name": "one bin",
        "kind": "hidden",
        "args": (_E, _A, 1),
        "expected": 0.0,
        "note": "n_bins = 1: no edges, one bin, PSI 0",
    },
    {
        "name": "more bins than values",
        "kind": "hidden",
        "args": (np.array([4.0, 1.0, 3.0]), np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0]), 7),
        "note": "B > n: edges repeat and collapse; unsorted reference",
    },
    {
        "name": "heavily repeated reference",
        "kind": "hidden",
        "args": (np.array([0.0] * 70 + [1.0] * 20 + [5.0] * 10), np.array([0.0] * 40 + [1.0] * 40 + [5.0] * 15 + [7.0] * 5), 10),
        "note": "duplicates: a zero-inflated feature; ten edges collapse to three distinct values",
    },
    {
        "name": "exact multiple ranks",
        "kind": "hidden",
        "args": (np.arange(1.0, 43.0)[::-1].copy(), np.r_[np.arange(0.5, 43.0, 0.5), [27.5] * 10, [28.0] * 5], 14),
        "note": "n = 42, B = 14: i n / B is a whole number; the float level 9 / 14 times 42 rounds above 27 and a float ceil picks rank 28; live values on every edge and crowded between 27 and 28",
    },
    {
        "name": "exact multiple ranks, twelve bins",
        "kind": "hidden",
        "args": (np.arange(108.0), np.r_[np.arange(-1.0, 110.0), [62.5] * 20, [63.0] * 7], 12),
        "note": "n = 108, B = 12: the level 7 / 12 times 108 rounds above 63; live values on every edge and crowded just below 63",
    },
    {
        "name": "shift beyond the range",
        "kind": "hidden",
        "args": (_R.normal(0, 1, 1000), _R.normal(6, 1, 800), 10),
        "note": "live values far outside the reference range: end bin plus floored empty bins",
    },
    {
        "name": "integer dtype",
        "kind": "hidden",
        "args": (np.array([1, 2, 2, 3, 3, 3, 4]), np.array([3, 3, 4, 4, 5]), 3),
        "note": "integer arrays: shares and logs in floating point",
    },
    {
        "name": "reference share below the floor, not empty",
        "kind": "hidden",
        "args": (np.array([0.0] * 19_999 + [1.0]), np.array([0.0] * 25_000 + [2.0] * 25_000), 4),
        "note": "kills wrong/floors_only_empty_bins.py: one reference value in 20,000 above the single edge gives a share of 5e-5, which must be raised to 1e-4 although the bin is not empty",
    },
    {
        "name": "live share below the floor, not empty",
        "kind": "hidden",
        "args": (np.arange(20.0), np.array([0.0] * 49_998 + [10.0] * 2), 4),
        "note": "kills wrong/floors_only_empty_bins.py: two live values in 50,000 in the bin (9, 14] give a share of 4e-5, floored to 1e-4",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (np.round(_R.lognormal(0, 1, 50000), 2), np.round(_R.lognormal(0.05, 1.1, 50000), 2), 20),
        "note": "n = m = 50,000 values rounded to cents (many repeats), 20 bins",
    },
]
