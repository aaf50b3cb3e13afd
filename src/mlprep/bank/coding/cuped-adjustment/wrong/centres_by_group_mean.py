"""Centres x on each group's own mean, which also removes the pre-period difference between the groups and changes the effect."""

import numpy as np


def cuped_effect(y, x, group):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    g = np.asarray(group)
    xc = x - x.mean()
    if np.all(x == x[0]):
        theta = 0.0
    else:
        theta = float(np.sum(xc * (y - y.mean())) / np.sum(xc * xc))
    xg = x - np.where(g == 1, x[g == 1].mean(), x[g == 0].mean())
    adj = y - theta * xg
    t, c = adj[g == 1], adj[g == 0]
    effect = t.mean() - c.mean()
    se = np.sqrt(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
    reduction = 1.0 - adj.var() / y.var() if y.var() > 0 else 0.0
    return float(theta), float(effect), float(se), float(reduction)
