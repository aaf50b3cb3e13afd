"""Tests for the Bayesian A/B readout. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Two arms of 0..size trials; base rates from rare (1%) to near-certain (99%), B equal,
    slightly better or worse; priors from uniform to strong (up to 100); sometimes an arm
    with all or no successes."""
    size = int(size)
    n_a, n_b = (int(v) for v in rng.integers(0, size + 1, size=2))
    rate = float(rng.choice([0.01, 0.1, 0.3, 0.5, 0.9, 0.99]))
    lift = float(rng.choice([0.0, 0.0, 0.02, -0.02, 0.2, -0.2]))
    rate_b = min(max(rate * (1.0 + lift), 0.0), 1.0)
    s_a, s_b = int(rng.binomial(n_a, rate)), int(rng.binomial(n_b, rate_b))
    edge = int(rng.integers(0, 6))
    if edge == 0:
        s_a = 0
    elif edge == 1:
        s_b = n_b
    prior = [(1, 1), (2, 2), (1, 9), (2, 20), (100, 100), (1, 100)][int(rng.integers(0, 6))]
    return (s_a, n_a, s_b, n_b, prior[0], prior[1])


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (120, 1000, 145, 1000, 1, 1),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, no data",
        "kind": "visible",
        "args": (0, 0, 0, 0, 1, 1),
        "note": "two uniform posteriors: P = 1/2 and both losses 1/6",
    },
    {
        "name": "arms swapped",
        "kind": "hidden",
        "args": (145, 1000, 120, 1000, 1, 1),
        "note": "P(B > A) becomes 1 - P and the two losses swap",
    },
    {
        "name": "identical arms",
        "kind": "hidden",
        "args": (37, 500, 37, 500, 1, 1),
        "note": "the same data in both arms: P = 1/2 and equal losses (a tie only in value)",
    },
    {
        "name": "no successes anywhere",
        "kind": "hidden",
        "args": (0, 800, 0, 300, 1, 1),
        "note": "alpha = 1 for both: the sum has a single term; the smaller arm is more uncertain",
    },
    {
        "name": "B converts every user",
        "kind": "hidden",
        "args": (15, 20, 20, 20, 1, 1),
        "note": "beta_B equals the prior beta: all successes in B",
    },
    {
        "name": "one arm has no users",
        "kind": "hidden",
        "args": (30, 200, 0, 0, 2, 20),
        "note": "trials_b = 0: B's posterior is the prior Beta(2, 20)",
    },
    {
        "name": "informative prior",
        "kind": "hidden",
        "args": (3, 40, 9, 60, 2, 20),
        "note": "the prior enters both alpha and beta (a uniform prior gives other numbers)",
    },
    {
        "name": "strong prior swamps small data",
        "kind": "hidden",
        "args": (1, 5, 5, 5, 100, 100),
        "note": "a Beta(100, 100) prior against 5 users: P stays near 1/2",
    },
    {
        "name": "rare conversions",
        "kind": "hidden",
        "args": (52, 100_000, 80, 100_000, 1, 1),
        "note": "0.05% against 0.08%: small alphas, beta near 100,000",
    },
    {
        "name": "B clearly worse",
        "kind": "hidden",
        "args": (5200, 40_000, 4400, 40_000, 1, 1),
        "note": "P(B > A) is tiny (far below 1e-8) and the loss of keeping A is almost 0",
    },
    {
        "name": "B clearly better",
        "kind": "hidden",
        "args": (4400, 40_000, 5200, 40_000, 1, 1),
        "note": "P near 1: the loss of shipping B is a difference of numbers near 1, close to 0",
    },
    {
        "name": "terms underflow",
        "kind": "hidden",
        "args": (50_000, 100_000, 50_300, 100_000, 1, 1),
        "note": "50% conversion on 100,000 users: term 0 is about e^-26000, so the terms must be "
        "summed in log space (linear-space recurrences return 0)",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (89_640, 100_000, 89_950, 100_000, 100, 100),
        "note": "100,000 trials per arm, alpha_B near 90,000 terms, prior 100",
    },
]
