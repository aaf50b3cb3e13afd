"""Right rules, but recomputes both sides' squared error per candidate: O(d n^2) a round,
too slow at the stated size."""

from itertools import pairwise

import numpy as np


def gradient_boosting_stumps(X, y, n_estimators, learning_rate, X_test):
    rows = [[float(v) for v in row] for row in X]
    ys = [float(v) for v in y]
    n, d = len(rows), len(rows[0])
    base = sum(ys) / n
    F = [base] * n
    stumps = []
    for _ in range(n_estimators):
        r = [ys[i] - F[i] for i in range(n)]
        cands = []
        for f in range(d):
            values = sorted({row[f] for row in rows})
            for a, b in pairwise(values):
                t = (a + b) / 2
                left = [r[i] for i in range(n) if rows[i][f] <= t]
                right = [r[i] for i in range(n) if rows[i][f] > t]
                ml, mr = sum(left) / len(left), sum(right) / len(right)
                sse = sum((v - ml) ** 2 for v in left) + sum((v - mr) ** 2 for v in right)
                cands.append((sse, f, t, ml, mr))
        best = None
        if cands:
            lo = min(c[0] for c in cands)
            tol = 1e-9 * sum(v * v for v in r)
            best = next(c for c in cands if c[0] <= lo + tol)
        if best is None:
            c = sum(r) / n
            stump = (0, float("inf"), c, c)
        else:
            stump = best[1:]
        stumps.append(stump)
        f, t, lv, rv = stump
        F = [F[i] + learning_rate * (lv if rows[i][f] <= t else rv) for i in range(n)]
    out = []
    for row in X_test:
        v = base
        for f, t, lv, rv in stumps:
            v += learning_rate * (lv if float(row[f]) <= t else rv)
        out.append(v)
    return np.array(out, dtype=float)
