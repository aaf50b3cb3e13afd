"""Tests for the IQR outlier rule. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Heavy-tailed continuous values, so some points fall near (never exactly on) the fences."""
    x = rng.standard_t(2.0, size=size) * rng.uniform(0.5, 5.0) + rng.normal(0, 10)
    if rng.random() < 0.5:
        return (x.tolist(),)
    return (x,)


_big = (np.random.default_rng(11).standard_t(2.0, size=8_000),)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([5, 1, 100, 2, 3, 4, 6, 7, 8, 9],),
        "expected": [False, False, True, False, False, False, False, False, False, False],
        "note": "the example from the prompt",
    },
    {
        "name": "values exactly on the fences",
        "kind": "visible",
        "args": ([7, 2, -1, 4, 3],),
        "expected": [False, False, False, False, False],
        "note": "Q1 = 2, Q3 = 4, fences -1 and 7: values on a fence are not outliers",
    },
    {
        "name": "just outside both fences",
        "kind": "hidden",
        "args": (np.array([-1.5, 2.0, 3.0, 4.0, 7.5]),),
        "expected": [True, False, False, False, True],
        "note": "a low and a high outlier",
    },
    {
        "name": "interpolated quartiles",
        "kind": "hidden",
        "args": ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 12.0, 15.0],),
        "expected": [False] * 7 + [True],
        "note": "Q1 = 1.75, Q3 = 6.75, upper fence 14.25; median-of-halves quartiles put it at 19",
    },
    {
        "name": "nearest-rank would flag",
        "kind": "hidden",
        "args": ([10.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0],),
        "expected": [True] + [False] * 6,
        "note": "Q1 = 1.5, Q3 = 4.5, upper fence 9; nearest-rank quartiles put it at 11",
    },
    {
        "name": "empty input",
        "kind": "hidden",
        "args": ([],),
        "expected": [],
        "note": "no values",
    },
    {
        "name": "single value",
        "kind": "hidden",
        "args": ([42.0],),
        "expected": [False],
        "note": "IQR is 0 and the value sits on both fences",
    },
    {
        "name": "constant with one different value",
        "kind": "hidden",
        "args": ([3.0, 3.0, 3.0, 3.0, 3.0, 3.5],),
        "expected": [False, False, False, False, False, True],
        "note": "IQR is 0, so any value different from the quartiles is an outlier",
    },
    {
        "name": "spread far below float32 spacing",
        "kind": "hidden",
        "args": ([1e7 + 0.45, 1e7 + 0.1, 1e7 + 0.6, 1e7, 1e7 + 0.45, 1e7 + 0.3, 1e7 + 0.45, 1e7 + 0.2,
                  1e7 + 0.4, 1e7 + 0.45],),
        "note": "values near 10^7 within 0.6 of each other: Q1 = 10^7 + 0.225, Q3 = 10^7 + 0.45, "
        "upper fence 10^7 + 0.7875, no outlier; in float32 (spacing 1 near 10^7) the IQR collapses "
        "to 0 and 10^7 + 0.6 is flagged (wrong/float32_values.py)",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": _big,
        "note": "8,000 heavy-tailed values",
    },
]
