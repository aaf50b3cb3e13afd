"""Divides np.cov(x, y) (denominator n - 1) by np.var(x) (denominator n): theta is inflated by n / (n - 1)."""

import numpy as np


def cuped_effect(y, x, group):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    g = np.asarray(group)
    xc = x - x.mean()
    if np.all(x == x[0]):
        theta = 0.0
    else:
        theta = float(np.cov(x, y)[0, 1] / np.var(x))
    adj = y - theta * xc
    t, c = adj[g == 1], adj[g == 0]
    effect = t.mean() - c.mean()
    se = np.sqrt(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
    reduction = 1.0 - adj.var() / y.var() if y.var() > 0 else 0.0
    return float(theta), float(effect), float(se), float(reduction)
