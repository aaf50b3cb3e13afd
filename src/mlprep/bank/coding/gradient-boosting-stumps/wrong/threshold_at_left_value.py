"""Uses the lower value v_j as the threshold instead of the midpoint."""

import numpy as np

TIE = 1e-9  # SSEs within TIE * sum(r ** 2) of the lowest are tied


def _fit_stump(X, r, orders):
    """(feature, threshold, left value, right value) minimising the squared error on r."""
    n, d = X.shape
    total, total_sq = r.sum(), (r * r).sum()
    candidates = []  # (feature, sse per cut, cut positions, left sums), features in order
    for f in range(d):
        xs, rs = X[orders[f], f], r[orders[f]]
        cut = np.nonzero(xs[1:] > xs[:-1])[0]  # boundaries between distinct values
        if len(cut) == 0:
            continue
        n_left = cut + 1.0
        s_left = np.cumsum(rs)[cut]
        q_left = np.cumsum(rs * rs)[cut]
        sse = (q_left - s_left**2 / n_left) + (
            (total_sq - q_left) - (total - s_left) ** 2 / (n - n_left)
        )
        candidates.append((f, sse, cut, s_left))
    if not candidates:  # no feature has two distinct values: a constant
        return (0, np.inf, total / n, total / n)
    lowest = min(c[1].min() for c in candidates)
    for f, sse, cut, s_left in candidates:  # the first (feature, threshold) that ties the lowest
        tied = np.nonzero(sse <= lowest + TIE * total_sq)[0]
        if len(tied):
            i = tied[0]
            xs = X[orders[f], f]
            n_left = cut[i] + 1.0
            threshold = xs[cut[i]]
            return (f, threshold, s_left[i] / n_left, (total - s_left[i]) / (n - n_left))
    raise AssertionError("the lowest SSE ties itself")


def gradient_boosting_stumps(X, y, n_estimators, learning_rate, X_test):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    X_test = np.asarray(X_test, dtype=float).reshape(-1, X.shape[1])
    orders = [np.argsort(X[:, f], kind="stable") for f in range(X.shape[1])]
    f_train = np.full(len(y), y.mean())
    f_test = np.full(len(X_test), y.mean())
    for _ in range(n_estimators):
        feature, threshold, left, right = _fit_stump(X, y - f_train, orders)
        f_train = f_train + learning_rate * np.where(X[:, feature] <= threshold, left, right)
        f_test = f_test + learning_rate * np.where(X_test[:, feature] <= threshold, left, right)
    return f_test
