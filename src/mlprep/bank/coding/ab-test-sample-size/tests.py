"""Tests for the two-proportion sample size. Trusted: never shown to the learner's sandbox."""

import math
from statistics import NormalDist


def _unrounded(p_a, p_b, alpha, power, alternative):
    q = NormalDist().inv_cdf
    z_alpha = q(1 - alpha / 2) if alternative == "two-sided" else q(1 - alpha)
    p_bar = (p_a + p_b) / 2
    top = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + q(power) * math.sqrt(
        p_a * (1 - p_a) + p_b * (1 - p_b)
    )
    return top**2 / (p_b - p_a) ** 2


def _clear_of_integers(args):
    n = _unrounded(*args)
    return abs(n - round(n)) >= 0.01


def generate(rng, size):
    """A baseline rate and a lift (up or down, relative or absolute); size scales how small
    the lift gets. Redraws when the unrounded n is within 0.01 of an integer (the promise)."""
    while True:
        p_a = min(
            0.99,
            float(rng.choice([0.001, 0.01, 0.03, 0.1, 0.25, 0.5, 0.8, 0.97]))
            * float(rng.uniform(0.8, 1.2)),
        )
        lift = float(rng.uniform(0.01, 0.5)) / max(1, int(size))
        p_b = p_a * (1 + lift) if rng.random() < 0.5 else p_a * (1 - lift)
        p_b = min(max(p_b, 1e-4), 1 - 1e-4)
        args = (
            p_a,
            p_b,
            float(rng.choice([0.01, 0.05, 0.1])),
            float(rng.choice([0.8, 0.9, 0.95])),
            "two-sided" if rng.random() < 0.6 else "one-sided",
        )
        if p_a != p_b and _clear_of_integers(args):
            return args


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (0.10, 0.12, 0.05, 0.8, "two-sided"),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, one-sided",
        "kind": "visible",
        "args": (0.10, 0.12, 0.05, 0.8, "one-sided"),
        "note": "one-sided needs fewer users",
    },
    {
        "name": "rounds up, fraction below one half",
        "kind": "hidden",
        "args": (0.05, 0.07, 0.05, 0.8, "two-sided"),
        "note": (
            "the unrounded n has a fractional part below 0.5: rounding to nearest gives one too few"
        ),
    },
    {
        "name": "decrease",
        "kind": "hidden",
        "args": (0.30, 0.27, 0.05, 0.8, "one-sided"),
        "note": "B lower than A: the formula is symmetric in the sign of the difference",
    },
    {
        "name": "rare events, tiny lift",
        "kind": "hidden",
        "args": (0.01, 0.0101, 0.05, 0.8, "two-sided"),
        "note": "a 1% relative lift on a 1% rate needs millions of users per group",
    },
    {
        "name": "huge effect",
        "kind": "hidden",
        "args": (0.1, 0.9, 0.05, 0.8, "two-sided"),
        "note": "n is a handful: the ceiling still applies",
    },
    {
        "name": "strict alpha, high power",
        "kind": "hidden",
        "args": (0.5, 0.55, 0.01, 0.95, "two-sided"),
        "note": "z for alpha / 2 = 0.005 and for power 0.95",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (0.001, 0.00101, 0.05, 0.8, "two-sided"),
        "note": "about 1.6e8 users per group: the largest answer in the tests",
    },
]

for _case in CASES:
    assert _clear_of_integers(_case["args"]), _case["name"]
