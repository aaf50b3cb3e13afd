"""Estimates theta on the control group alone instead of all users pooled."""

import numpy as np


def cuped_effect(y, x, group):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    g = np.asarray(group)
    xc = x - x.mean()
    if np.all(x == x[0]):
        theta = 0.0
    else:
        c0 = g == 0
        xc0 = x[c0] - x[c0].mean()
        theta = float(np.sum(xc0 * (y[c0] - y[c0].mean())) / np.sum(xc0 * xc0))
    adj = y - theta * xc
    t, c = adj[g == 1], adj[g == 0]
    effect = t.mean() - c.mean()
    se = np.sqrt(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
    reduction = 1.0 - adj.var() / y.var() if y.var() > 0 else 0.0
    return float(theta), float(effect), float(se), float(reduction)
