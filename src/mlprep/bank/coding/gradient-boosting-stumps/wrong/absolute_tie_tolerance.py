"""Treats SSEs within an absolute 1e-9 as tied instead of 1e-9 times the residuals' sum of squares: with small targets every candidate ties."""

import numpy as np


def _fit_stump(X, r, orders):
    n, d = X.shape
    tot = r.sum()
    totsq = (r * r).sum()
    cands = []
    for f in range(d):
        o = orders[f]
        xs = X[o, f]
        rs = r[o]
        cs = np.cumsum(rs)
        cq = np.cumsum(rs * rs)
        idx = np.nonzero(xs[1:] > xs[:-1])[0]
        if idx.size == 0:
            continue
        nl = idx + 1.0
        nr = n - nl
        sl = cs[idx]
        sr = tot - sl
        sse = (cq[idx] - sl * sl / nl) + ((totsq - cq[idx]) - sr * sr / nr)
        thr = (xs[idx] + xs[idx + 1]) / 2
        for k in range(idx.size):
            cands.append((sse[k], f, thr[k], sl[k] / nl[k], sr[k] / nr[k]))
    if not cands:
        m = r.mean()
        return None, m
    low = min(c[0] for c in cands)
    tol = 1e-9
    ok = [c for c in cands if c[0] <= low + tol]
    best = min(ok, key=lambda c: (c[1], c[2]))
    return best[1:], None


def gradient_boosting_stumps(X, y, n_estimators, learning_rate, X_test):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Xt = np.asarray(X_test, dtype=float).reshape(-1, X.shape[1])
    F = np.full(len(y), y.mean())
    Ft = np.full(len(Xt), y.mean())
    orders = [np.argsort(X[:, f], kind="stable") for f in range(X.shape[1])]
    for _ in range(n_estimators):
        r = y - F
        st, const = _fit_stump(X, r, orders)
        if st is None:
            F = F + learning_rate * const
            Ft = Ft + learning_rate * const
            continue
        f, t, lv, rv = st
        F = F + learning_rate * np.where(X[:, f] <= t, lv, rv)
        Ft = Ft + learning_rate * np.where(Xt[:, f] <= t, lv, rv)
    return Ft
