"""Tests for gradient boosting with stumps. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _unambiguous(X, y, n_estimators, learning_rate):
    """True when, every round, each candidate SSE is either tied with the lowest (within
    1e-12 of the residuals' sum of squares: equal but for rounding) or clearly above it
    (by more than 1e-7 of it), so no solution can land on the other side of the 1e-9 rule.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    pred = np.full(n, y.mean())
    for _ in range(n_estimators):
        r = y - pred
        total_sq = float((r * r).sum())
        parts = []  # per feature: (sse, feature, threshold, left mean, right mean) arrays
        c = r - r.mean()  # centred: the running sums below lose nothing to cancellation
        for f in range(d):
            order = np.argsort(X[:, f], kind="stable")
            xs, cs = X[order, f], c[order]
            cut = np.nonzero(xs[1:] > xs[:-1])[0]
            k = cut + 1.0
            s_left, q_left = np.cumsum(cs)[cut], np.cumsum(cs * cs)[cut]
            s_right, q_right = cs.sum() - s_left, (cs * cs).sum() - q_left
            sse = q_left - s_left**2 / k + q_right - s_right**2 / (n - k)
            lv, rv = s_left / k + r.mean(), s_right / (n - k) + r.mean()
            parts.append((sse, np.full(len(cut), f), xs[cut], lv, rv))
        sse, feature, threshold, lv, rv = (np.concatenate(p) for p in zip(*parts, strict=True))
        if len(sse) == 0:
            pred = pred + learning_rate * r.mean()
            continue
        gaps = sse - sse.min()
        if np.any((gaps > 1e-12 * total_sq) & (gaps <= 1e-7 * total_sq)):
            return False
        i = int(np.nonzero(gaps <= 1e-9 * total_sq)[0][0])  # features, then thresholds, in order
        pred = pred + learning_rate * np.where(X[:, feature[i]] <= threshold[i], lv[i], rv[i])
    return True


def generate(rng, size):
    """size rows; integer features with duplicates or continuous ones; sometimes int targets.

    Test rows mix training rows, exact midpoints of integer features and fresh points.
    Draws again when a round has a near-tie that is neither exact nor clear (_unambiguous).
    """
    while True:
        args = _draw(rng, size)
        if _unambiguous(*args[:4]):
            return args


def _draw(rng, size):
    n = max(1, int(size))
    d = int(rng.integers(1, 6))
    if rng.random() < 0.5:
        X = rng.integers(0, int(rng.integers(2, 12)), size=(n, d)).astype(float)
    else:
        X = np.round(rng.normal(0, 2, size=(n, d)), 3)
    signal = np.sin(X[:, 0]) * 3 + (X[:, -1] > 0.5) * 2 + 0.3 * X.sum(axis=1)
    y = signal + rng.normal(0, float(rng.choice([0.1, 1.0, 5.0])), size=n)
    if rng.random() < 0.3:
        y = np.round(y).astype(np.int64)  # integer targets: the mean is not an integer
    m = int(rng.integers(0, n + 1))
    X_test = np.round(rng.normal(0, 2, size=(m, d)), 3)
    if m:
        rows = rng.integers(0, n, size=m)
        pick = rng.random(m)
        X_test[pick < 0.3] = X[rows[pick < 0.3]]
        half = (pick >= 0.3) & (pick < 0.6)
        X_test[half] = np.floor(X[rows[half]]) + 0.5
    lr = float(rng.choice([0.05, 0.1, 0.3, 1.0]))
    return (X, y, int(rng.integers(0, 51)), lr, X_test)


_X = np.array([[1.0, 0.0], [2.0, 1.0], [3.0, 0.0], [4.0, 1.0], [5.0, 0.0]])
_Y = np.array([1.0, 1.5, 3.0, 3.5, 6.0])
_T = np.array([[2.5, 0.0], [4.5, 1.0], [0.0, 0.0]])


def _float_tie():
    # at round 1 both features split the residuals into means 6 and 7.25 with SSE 107/4;
    # in floating point feature 0 scores 26.750000000000004 and feature 1 scores 26.75
    y = np.array([7, 3, 5, 9, 8, 9])
    X = np.column_stack([[0.0, 1.0, 0.0, 1.0, 1.0, 1.0], [1.0, 0.0, 1.0, 1.0, 1.0, 0.0]])
    return (X, y, 1, 1.0, np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 0.0]]))


def _largest():
    rng = np.random.default_rng(500)
    X = np.round(rng.normal(0, 3, size=(500, 5)), 2)
    y = np.sin(X[:, 0]) * 4 + np.abs(X[:, 2]) + rng.normal(0, 0.5, size=500)
    return (X, y, 50, 0.1, np.round(rng.normal(0, 3, size=(500, 5)), 2))


CASES = [
    {
        "name": "prompt example, two rounds",
        "kind": "visible",
        "args": (_X, _Y, 2, 0.5, _T),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, no rounds",
        "kind": "visible",
        "args": (_X, _Y, 0, 0.5, _T),
        "note": "n_estimators = 0: the mean of y everywhere",
    },
    {
        "name": "squared-error near-tie in floating point",
        "kind": "hidden",
        "args": _float_tie(),
        "note": (
            "two splits with the same exact SSE 107/4 whose float values differ in the last "
            "bit: the tie rule, not float noise, must pick feature 0"
        ),
    },
    {
        "name": "targets in millionths",
        "kind": "hidden",
        "args": (_X, _Y * 1e-6, 2, 0.5, _T),
        "note": (
            "the prompt example scaled by 1e-6: every SSE is below 1e-11, so an absolute 1e-9 "
            "tolerance calls every candidate a tie (wrong/absolute_tie_tolerance.py); the "
            "tolerance is relative to the residuals' sum of squares"
        ),
    },
    {
        "name": "bit-exact tie between features",
        "kind": "hidden",
        "args": (
            np.array([[0.0, 3.0], [0.0, 3.0], [1.0, 7.0], [1.0, 7.0]]),
            np.array([1.0, 2.0, 5.0, 9.0]),
            3,
            0.5,
            np.array([[0.0, 7.0], [1.0, 3.0]]),
        ),
        "note": "two identical partitions: the smaller feature index wins",
    },
    {
        "name": "test rows on the thresholds",
        "kind": "hidden",
        "args": (
            np.array([[0.0], [1.0], [2.0], [3.0], [4.0]]),
            np.array([0.0, 0.0, 10.0, 10.0, 11.0]),
            4,
            0.3,
            np.array([[0.5], [1.5], [2.5], [3.5], [1.0], [9.0]]),
        ),
        "note": "integer features: x == threshold (a midpoint) goes left",
    },
    {
        "name": "integer targets",
        "kind": "hidden",
        "args": (
            np.array([[3.0, 1.0], [1.0, 2.0], [2.0, 2.0], [5.0, 1.0], [4.0, 3.0], [0.0, 0.0]]),
            np.array([4, 1, 2, 7, 7, 0]),
            5,
            0.3,
            np.array([[2.5, 1.0], [0.0, 3.0]]),
        ),
        "note": "int64 y whose mean is 3.5: residuals must be floats",
    },
    {
        "name": "learning rate 1",
        "kind": "hidden",
        "args": (_X, _Y, 6, 1.0, _T),
        "note": "no shrinkage: later stumps fit what is left exactly",
    },
    {
        "name": "no split possible",
        "kind": "hidden",
        "args": (
            np.array([[2.0, 2.0]] * 4),
            np.array([1.0, 2.0, 3.0, 10.0]),
            3,
            0.5,
            np.array([[2.0, 2.0], [0.0, 5.0]]),
        ),
        "note": "all rows identical: each round adds the mean residual (zero), the mean stays",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": (np.array([[1.0, -1.0]]), np.array([2.5]), 10, 0.1, np.array([[0.0, 0.0]])),
        "note": "n = 1",
    },
    {
        "name": "no test rows",
        "kind": "hidden",
        "args": (_X, _Y, 3, 0.1, np.zeros((0, 2))),
        "note": "m = 0: an empty array",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _largest(),
        "note": (
            "500 rows, 5 features, 50 rounds, 500 test rows: an O(d n^2) scan per round is too slow"
        ),
    },
    {
        "name": "residuals fitted to zero, no test rows",
        "kind": "hidden",
        "args": generate(np.random.default_rng([4, 18]), 4),
        "note": "learning rate 1 on 4 rows: the residuals reach exactly zero, every split then "
        "has zero error and the first one must still be chosen (kills a strict '<' tie test)",
    },
    {
        "name": "tiny residuals, tie tolerance scales with them",
        "kind": "hidden",
        "args": generate(np.random.default_rng([4, 3]), 4),
        "note": "after a few rounds at learning rate 1 the residuals are tiny: the tie tolerance "
        "is 1e-9 times their sum of squares, not divided by it",
    },
    {
        "name": "tied splits within a feature after a perfect fit",
        "kind": "hidden",
        "args": generate(np.random.default_rng([4, 22]), 4),
        "note": "several thresholds of one feature tie: the first (smallest) one wins, not the last",
    },
    {
        "name": "feature values one float apart",
        "kind": "hidden",
        "args": ([[1.0], [1.0000000000000002], [3.0]], [0.0, 1.0, 1.0], 2, 0.5, [[1.0], [2.0]]),
        "note": "the midpoint of 1.0 and the next float rounds to 1.0 itself: a training row "
        "equal to the threshold goes left (x <= t), also when updating the training predictions",
    },
    {
        "name": "near-tie inside the tolerance of the sum of squares",
        "kind": "hidden",
        "args": (
            [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
            [-1.5e-9, 3.0, 1.0, 0.0],
            1,
            1.0,
            [[0.0, 0.0]],
        ),
        "expected": np.array([1.5 - 0.75e-9]),
        "note": "feature 0's SSE is 3e-9 above feature 1's, inside 1e-9 * sum(r^2) = 6e-9 but "
        "outside 1e-9 * mean(r^2): feature 0 wins the tie (kills a tolerance on the mean)",
    },
]
