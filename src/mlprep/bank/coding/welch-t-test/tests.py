"""Tests for Welch's t-test. Trusted: never shown to the learner's sandbox."""

import math

import numpy as np

T_MAX = 29.5  # the prompt promises |t| <= 30


def _t(a, b):
    qa, qb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    if qa + qb == 0:
        return 0.0
    return float((np.mean(a) - np.mean(b)) / math.sqrt(qa + qb))


def generate(rng, size):
    """Two arms of 2..size values: normal or heavy-tailed floats, integer ratings, or one
    constant arm; the arms are listed in a random order (A may be the larger mean) and the
    mean shift is capped so that |t| <= 30."""
    size = max(2, int(size))
    n, m = (int(v) for v in rng.integers(2, size + 1, size=2))
    kind = int(rng.integers(0, 4))
    if kind == 0:  # integer ratings 1..5: exact sums, int dtype
        a = rng.integers(1, 6, n)
        base, draw = rng.integers(1, 6, m), rng.random(m)
        share = float(rng.uniform(0.0, 0.5))  # the share of B's ratings raised by one
        b = np.minimum(base + (draw < share), 5)
        while abs(_t(a, b)) > T_MAX:
            share /= 2
            b = np.minimum(base + (draw < share), 5)
        return (a, b) if rng.random() < 0.5 else (b, a)
    loc = float(rng.uniform(-10, 10))
    a = rng.normal(loc, float(rng.choice([0.5, 1.0, 3.0, 5.0])), n)
    if kind == 1:  # heavy-tailed order values, clipped to magnitude <= 100
        a = np.minimum(rng.lognormal(2.0, 0.8, n), 100.0)
        b = np.minimum(rng.lognormal(2.1, 1.0, m), 100.0)
    elif kind == 2:  # one arm constant: nu = the other's size - 1
        b = np.full(m, round(loc + float(rng.normal()), 2))
    else:
        b = rng.normal(loc + float(rng.normal(0, 2)), float(rng.choice([0.5, 1.0, 3.0, 5.0])), m)
    t = _t(a, b)
    if abs(t) > T_MAX:  # pull b's mean towards a's so that |t| = T_MAX
        b = b + (np.mean(a) - np.mean(b)) * (1 - T_MAX / abs(t))
    return (a, b) if rng.random() < 0.5 else (b, a)


def check(args, expected, got):
    """t and nu with rtol 1e-7 and atol 1e-8; p with rtol 1e-7 and atol 0 (tail precision)."""
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return f"expected a tuple (t, nu, p) of three floats, got {got!r}"[:200]
    for name, want, value, atol in zip(("t", "nu", "p"), expected, got, (1e-8, 1e-8, 0.0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{name} should be a float, got {type(value).__name__} {value!r}"[:200]
        value = float(value)
        if math.isnan(want) or math.isnan(value):
            if math.isnan(want) and math.isnan(value):
                continue
            return f"{name}: expected {want!r}, got {value!r}"
        if not abs(value - want) <= atol + 1e-7 * abs(want):
            return f"{name}: expected {want!r}, got {value!r}"
    return None


_A = np.array([12.0, 15.5, 9.0, 14.0, 11.5])
_B = np.array([18.0, 22.5, 13.0, 30.0, 16.5, 25.0, 19.5])
_R = np.random.default_rng(2026)
_BIG = np.random.default_rng(200_000)
_NAN = (math.nan, math.nan, math.nan)
_RATINGS = np.random.default_rng(5).integers(1, 6, 60)
_NEAR = _R.normal(0.0, 1.0, 40)
_FLAT = np.random.default_rng(101)
_FLAT_A = 99.9 + _FLAT.uniform(-1e-3, 1e-3, 20_000)
_FLAT_B = 99.9 + 4.5e-5 + _FLAT.uniform(-2e-3, 2e-3, 15_000)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_A, _B),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, one constant sample",
        "kind": "visible",
        "args": (np.array([3.0, 3.0, 3.0]), np.array([1.0, 2.0, 4.0, 5.0])),
        "note": "a constant arm: nu = m - 1 and t = 0",
    },
    {
        "name": "arms swapped",
        "kind": "hidden",
        "args": (_B, _A),
        "note": "A minus B: the sign of t follows the argument order, p does not",
    },
    {
        "name": "both samples constant",
        "kind": "hidden",
        "args": (np.array([4.0, 4.0, 4.0]), np.array([7.5, 7.5])),
        "expected": _NAN,
        "note": "q_a + q_b = 0: (nan, nan, nan)",
    },
    {
        "name": "both constant and equal",
        "kind": "hidden",
        "args": (np.array([2, 2]), np.array([2, 2, 2, 2])),
        "expected": _NAN,
        "note": "q_a + q_b = 0 with equal means, int dtype: still nan, not (0, nu, 1)",
    },
    {
        "name": "constant sample B, tiny sizes",
        "kind": "hidden",
        "args": (np.array([1.0, 4.0]), np.array([2.0, 2.0, 2.0, 2.0, 2.0])),
        "note": "n = 2 and a constant B: nu = n - 1 = 1, the Cauchy tail",
    },
    {
        "name": "two values each",
        "kind": "hidden",
        "args": (np.array([0.5, 2.5]), np.array([3.0, 9.0])),
        "note": "n = m = 2, the smallest samples: nu between 1 and 2, the symmetry branch at a < 1",
    },
    {
        "name": "far tail",
        "kind": "hidden",
        "args": (
            np.random.default_rng(11).normal(5, 1, 200),
            np.random.default_rng(12).normal(7.5, 1.2, 220),
        ),
        "note": "t near -25 on about 400 degrees of freedom: p near 1e-84 needs relative "
        "precision in the tail (1 - cdf gives 0) and the t tail, not the normal one (near 5e-137)",
    },
    {
        "name": "moderate tail on many degrees of freedom",
        "kind": "hidden",
        "args": (_R.normal(0.0, 1.0, 5000), _R.normal(0.03, 1.0, 4000)),
        "note": "|t| around 1.5 with nu near 9000: close to the continued fraction's switch point",
    },
    {
        "name": "integer ratings, equal means",
        "kind": "hidden",
        "args": (_RATINGS, _RATINGS[::-1].copy()),
        "note": "integer-only inputs where the means are exactly equal: t is exactly 0 and p = 1",
    },
    {
        "name": "integer ratings, int dtype",
        "kind": "hidden",
        "args": (np.array([5, 4, 4, 3, 5, 2, 4, 5]), np.array([3, 2, 4, 3, 1, 2, 3])),
        "note": "int arrays: variances and means must be computed in floats",
    },
    {
        "name": "means within 1e-9",
        "kind": "hidden",
        "args": (_NEAR, _NEAR[::-1] + 1e-9),
        "note": "a near-tie: the means differ by 1e-9, not bit-equal, so t is tiny but not 0",
    },
    {
        "name": "very unequal sizes and variances",
        "kind": "hidden",
        "args": (np.array([10.0, 30.0, 55.0]), _R.normal(20.0, 1.0, 200_000)),
        "note": "n = 3 against m = 200,000: nu is close to n - 1 = 2, far from n + m - 2",
    },
    {
        "name": "heavy-tailed order values",
        "kind": "hidden",
        "args": (
            np.minimum(_R.lognormal(3.0, 0.5, 300), 100.0),
            np.minimum(_R.lognormal(3.1, 1.1, 80), 100.0),
        ),
        "note": "skewed values capped at 100, unequal variances",
    },
    {
        "name": "nearly constant arms near 100",
        "kind": "hidden",
        "args": (_FLAT_A, _FLAT_B),
        "note": "values 99.9 +- 0.002 with t near -4.7: a variance near 1e-6 against a mean "
        "square near 1e4, so the one-pass sum(x**2)/n - mean**2 cancels away about 1e-5 of p "
        "(kills wrong/one_pass_variance.py); a two-pass variance keeps 1e-13",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG.normal(40.0, 5.0, 200_000), _BIG.normal(40.02, 6.0, 200_000)),
        "note": "n = m = 200,000 values",
    },
]
