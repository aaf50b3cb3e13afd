"""Tests for the sample ratio mismatch check. Trusted: never shown to the learner's sandbox."""

import math

import numpy as np

CHI2_MAX = 500.0  # the prompt promises chi2 <= 500


def _stat(counts, planned):
    n, w = sum(counts), math.fsum(planned)
    if n == 0:
        return 0.0
    return sum((o - n * p / w) ** 2 / (n * p / w) for o, p in zip(counts, planned))


def _tail(x, df):
    h = x / 2.0
    if df % 2 == 0:
        term = total = math.exp(-h)
        for j in range(1, df // 2):
            term *= h / j
            total += term
        return total
    total, term = math.erfc(math.sqrt(h)), 2.0 * math.sqrt(h / math.pi) * math.exp(-h)
    for j in range(1, (df + 1) // 2):
        total += term
        term *= h / (j + 0.5)
    return total


def _weights(rng, k):
    style = int(rng.integers(0, 4))
    if style == 0:  # even split written as percentages that need not sum to 100
        return [int(rng.choice([1, 50, 100]))] * k
    if style == 1:  # small integer ratios in any order
        return [int(v) for v in rng.integers(1, 10, k)]
    if style == 2:  # float shares that sum to 1 up to rounding
        shares = rng.dirichlet(np.ones(k) * 3)
        return [round(float(s), 3) or 0.001 for s in shares]
    return [float(v) for v in rng.uniform(0.05, 5.0, k)]


def generate(rng, size):
    """k = 2..10 arms, about `size` users in all (0 allowed), weights as percentages, int
    ratios or float shares in any order; the true split is the plan or a skewed one (an SRM),
    the skew shrunk until chi2 <= 500, and p kept away from alpha."""
    k = int(rng.integers(2, 11))
    planned = _weights(rng, k)
    alpha = float(rng.choice([0.05, 0.01, 0.001, 0.0005]))
    share = np.asarray(planned, dtype=float) / math.fsum(planned)
    n = min(int(size), 10**8)
    skew = float(rng.choice([0.0, 0.0, 0.003, 0.02, 0.2]))
    while True:
        true = share * np.exp(rng.normal(0.0, skew, k))
        counts = [int(c) for c in rng.multinomial(n, true / true.sum())]
        chi2 = _stat(counts, planned)
        if chi2 <= CHI2_MAX:
            break
        skew /= 2
    while n and abs(_tail(chi2, k - 1) / alpha - 1.0) < 1e-6:  # one more user in arm 0
        counts[0] += 1
        chi2 = _stat(counts, planned)
    return (counts, planned, alpha)


def check(args, expected, got):
    """chi2 with rtol 1e-8 and atol 1e-9, p with rtol 1e-8 and atol 0, the flag exactly."""
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return f"expected a tuple (chi2, p, srm), got {got!r}"[:200]
    for name, want, value, atol in zip(("chi2", "p"), expected, got, (1e-9, 0.0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{name} should be a float, got {type(value).__name__} {value!r}"[:200]
        if math.isnan(value) or not abs(value - want) <= atol + 1e-8 * abs(want):
            return f"{name}: expected {want!r}, got {value!r}"
    if not isinstance(got[2], bool):
        return f"srm should be a bool, got {type(got[2]).__name__} {got[2]!r}"[:200]
    if got[2] != expected[2]:
        return f"srm: expected {expected[2]}, got {got[2]} (p = {expected[1]!r})"
    return None


def _big():
    rng = np.random.default_rng(10**8)
    planned = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10]
    counts = [int(c) for c in rng.multinomial(999_000_000, np.full(10, 0.1))]
    counts[3] += 40_000
    return (counts, planned, 0.001)


CASES = [
    {
        "name": "prompt example, even split",
        "kind": "visible",
        "args": ([50421, 49177], [50, 50], 0.001),
        "note": "the example from the prompt: an SRM",
    },
    {
        "name": "prompt example, three arms",
        "kind": "visible",
        "args": ([20210, 9904, 9886], [0.5, 0.25, 0.25], 0.001),
        "note": "a 50/25/25 split within noise",
    },
    {
        "name": "no users yet",
        "kind": "hidden",
        "args": ([0, 0, 0], [1, 1, 1], 0.01),
        "expected": (0.0, 1.0, False),
        "note": "N = 0: (0.0, 1.0, False), no division by zero",
    },
    {
        "name": "exactly as planned",
        "kind": "hidden",
        "args": ([3000, 1000], [3, 1], 0.05),
        "expected": (0.0, 1.0, False),
        "note": "integer-only input where E_i is exact: chi2 is exactly 0 and p = 1",
    },
    {
        "name": "planned weights as percentages",
        "kind": "hidden",
        "args": ([9120, 880], [90, 10], 0.01),
        "note": "weights that sum to 100, not 1: they must be normalised",
    },
    {
        "name": "uneven plan, arms not sorted",
        "kind": "hidden",
        "args": ([2480, 5120, 2400], [1, 2, 1], 0.001),
        "note": "a 25/50/25 plan with the big arm in the middle: the weights pair with their arms",
    },
    {
        "name": "float shares with rounding",
        "kind": "hidden",
        "args": ([1043, 1989, 6968], [0.1, 0.2, 0.7], 0.05),
        "note": "weights 0.1 + 0.2 + 0.7 are not exactly 1 in floating point",
    },
    {
        "name": "an empty arm",
        "kind": "hidden",
        "args": ([40, 0, 35], [1, 1, 1], 0.001),
        "note": "one arm received nobody (O = 0 for that arm); dividing by O would fail",
    },
    {
        "name": "small counts, two arms",
        "kind": "hidden",
        "args": ([14, 6], [1, 1], 0.1),
        "note": "df = 1 with small counts: a Yates continuity correction changes p a lot",
    },
    {
        "name": "far tail, two arms",
        "kind": "hidden",
        "args": ([10_600, 9_400], [1, 1], 0.001),
        "note": "chi2 = 72 on 1 df: p near 2e-17, below what 1 - P can resolve",
    },
    {
        "name": "far tail, even df",
        "kind": "hidden",
        "args": ([11_000, 10_000, 9_000], [1, 1, 1], 0.001),
        "note": "chi2 = 200 on 2 df: p = exp(-100), near 4e-44",
    },
    {
        "name": "far tail, odd df above 1",
        "kind": "hidden",
        "args": ([5_000, 5_000, 5_000, 6_900], [1, 1, 1, 1], 0.001),
        "note": "chi2 near 495 on 3 df: the erfc start plus one positive term, p near 7e-107",
    },
    {
        "name": "p just below alpha",
        "kind": "hidden",
        "args": ([5_140, 4_860], [1, 1], 0.0052),
        "note": "p = 0.00511: just under alpha = 0.0052, so srm is True",
    },
    {
        "name": "p just above alpha",
        "kind": "hidden",
        "args": ([5_140, 4_860], [1, 1], 0.0051),
        "note": "the same counts with alpha = 0.0051: p = 0.00511 is just above it, srm is False",
    },
    {
        "name": "nine degrees of freedom",
        "kind": "hidden",
        "args": ([1010, 990, 1003, 1030, 960, 1001, 980, 1040, 995, 991], [1] * 10, 0.05),
        "note": "k = 10: the odd-df sum runs over four correction terms",
    },
    {
        "name": "eight degrees of freedom",
        "kind": "hidden",
        "args": ([510, 480, 530, 470, 505, 495, 520, 490, 500], [1] * 9, 0.05),
        "note": "k = 9: the even-df Poisson tail has four terms",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _big(),
        "note": "k = 10 arms with nearly 1e8 users each, one arm 40,000 over",
    },
]
