"""Tests for MSE and MAE. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Continuous targets and noisy predictions, as lists or arrays."""
    truth = rng.normal(0, 10, size=size)
    pred = truth + rng.normal(0, rng.uniform(0.1, 5), size=size)
    if rng.random() < 0.5:
        return (truth.tolist(), pred.tolist())
    return (truth, pred)


def _offset():
    rng = np.random.default_rng(12)
    truth = 1e6 + rng.normal(0, 100, size=1000)
    return (truth, truth + rng.normal(0, 0.01, size=1000))


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
        "expected": (0.375, 0.5),
        "note": "the example from the prompt",
    },
    {
        "name": "errors that cancel",
        "kind": "visible",
        "args": (np.array([0.0, 0.0, 0.0]), np.array([2.0, -2.0, 3.0])),
        "expected": (17 / 3, 7 / 3),
        "note": "positive and negative errors must not cancel in the MAE",
    },
    {
        "name": "empty input",
        "kind": "hidden",
        "args": ([], []),
        "expected": (float("nan"), float("nan")),
        "note": "n = 0 returns two NaNs",
    },
    {
        "name": "perfect predictions",
        "kind": "hidden",
        "args": ([1.5, 2.5], [1.5, 2.5]),
        "expected": (0.0, 0.0),
        "note": "zero error",
    },
    {
        "name": "single element",
        "kind": "hidden",
        "args": ([2.0], [5.0]),
        "expected": (9.0, 3.0),
        "note": "one sample: MSE 9 and MAE 3 (RMSE would be 3)",
    },
    {
        "name": "integer inputs",
        "kind": "hidden",
        "args": ([1, 2, 3], [2, 2, 5]),
        "expected": (5 / 3, 1.0),
        "note": "ints must not be truncated by integer division",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(5), 300_000),
        "note": "300,000 values",
    },
    {
        "name": "large targets, small errors",
        "kind": "hidden",
        "args": _offset(),
        "note": "targets near 1e6 with errors near 0.01: expanding the square as mean(y^2) "
        "- 2 mean(y y_hat) + mean(y_hat^2) cancels away every digit of an MSE near 1e-4",
    },
    {
        "name": "integer lists, errors of billions",
        "kind": "hidden",
        "args": ([0, 5_000_000_000, 7], [4_000_000_000, 0, 7]),
        "note": "int lists: the squared errors 1.6e19 and 2.5e19 overflow int64 unless the "
        "values are converted to float first",
    },
]
