"""Tests for the two-proportion z-test. Trusted: never shown to the learner's sandbox."""

import numpy as np

ALTERNATIVES = ["two-sided", "larger", "smaller"]


def generate(rng, size):
    """Group sizes around 10**size-ish; rates from 0 to 1, sometimes equal, sometimes far apart."""
    scale = int(size)
    n_a = int(rng.integers(1, scale + 2))
    n_b = int(rng.integers(1, scale + 2))
    rate_a = float(rng.choice([0.0, 0.01, 0.1, 0.3, 0.5, 0.9, 1.0, rng.random()]))
    pick = rng.random()
    if pick < 0.2:
        rate_b = rate_a  # the same rate: z near 0
    elif pick < 0.4:
        rate_b = float(np.clip(rate_a + rng.choice([-1, 1]) * 0.3, 0, 1))  # a far tail
    else:
        rate_b = float(np.clip(rate_a + rng.normal(0, 0.05), 0, 1))
    x_a = int(rng.binomial(n_a, rate_a))
    x_b = int(rng.binomial(n_b, rate_b))
    return (x_a, n_a, x_b, n_b, str(rng.choice(ALTERNATIVES)))


CASES = [
    {
        "name": "prompt example, two-sided",
        "kind": "visible",
        "args": (200, 10000, 250, 10000, "two-sided"),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, one-sided",
        "kind": "visible",
        "args": (200, 10000, 250, 10000, "larger"),
        "note": "the one-sided p-value is half the two-sided one here",
    },
    {
        "name": "wrong direction",
        "kind": "hidden",
        "args": (250, 10000, 200, 10000, "larger"),
        "note": "B is worse but the alternative says larger: the p-value is close to 1",
    },
    {
        "name": "smaller",
        "kind": "hidden",
        "args": (120, 1000, 90, 1000, "smaller"),
        "note": "the lower tail",
    },
    {
        "name": "far tail, two-sided",
        "kind": "hidden",
        "args": (1000, 100000, 2000, 100000, "two-sided"),
        "note": "z about 18: 1 - cdf(z) rounds to 0, the true p-value is about 1e-75",
    },
    {
        "name": "far tail, one-sided",
        "kind": "hidden",
        "args": (5000, 1000000, 5600, 1000000, "larger"),
        "note": "z about 5.8: 1 - cdf(z) keeps only a few correct digits of a p-value near 3e-9",
    },
    {
        "name": "no conversions anywhere",
        "kind": "hidden",
        "args": (0, 500, 0, 700, "two-sided"),
        "expected": (0.0, 1.0),
        "note": "pooled rate 0: the variance is 0, the stated answer is (0.0, 1.0)",
    },
    {
        "name": "everyone converts",
        "kind": "hidden",
        "args": (40, 40, 25, 25, "larger"),
        "expected": (0.0, 1.0),
        "note": "pooled rate 1",
    },
    {
        "name": "equal rates, different sizes",
        "kind": "hidden",
        "args": (30, 90, 100, 300, "two-sided"),
        "expected": (0.0, 1.0),
        "note": "1/3 in both groups: z is exactly 0 and the p-value exactly 1",
    },
    {
        "name": "equal rates, reciprocals round apart",
        "kind": "hidden",
        "args": (7, 10, 21, 30, "two-sided"),
        "expected": (0.0, 1.0),
        "note": (
            "7/10 in both groups: x * (1 / n) gives 0.7000000000000001 for 21/30 but 0.7 for "
            "7/10, a z of -7e-16 instead of 0 (wrong/rates_by_reciprocal.py); x / n cancels"
        ),
    },
    {
        "name": "B below A, two-sided",
        "kind": "hidden",
        "args": (130, 1000, 95, 1000, "two-sided"),
        "note": (
            "a negative z with the two-sided alternative: the p-value uses |z| "
            "(wrong/two_sided_without_abs.py returns almost 2)"
        ),
    },
    {
        "name": "unequal group sizes",
        "kind": "hidden",
        "args": (45, 1500, 31, 600, "two-sided"),
        "note": "the pooled variance weights 1/n_a + 1/n_b",
    },
    {
        "name": "one user per group",
        "kind": "hidden",
        "args": (0, 1, 1, 1, "two-sided"),
        "note": "the smallest groups: pooled rate 1/2",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (31_000_000, 1_000_000_000, 30_990_000, 1_000_000_000, "smaller"),
        "note": "a billion users per group; x_b * n_a exceeds 2**53",
    },
]
