"""Computes in float32: the effect and the standard error drift past the 1e-7 tolerance."""

import numpy as np


def cuped_effect(y, x, group):
    y = np.asarray(y, dtype=np.float32)
    x = np.asarray(x, dtype=np.float32)
    g = np.asarray(group)
    if np.all(x == x[0]):
        theta = 0.0
    else:
        xc = x - x.mean()
        theta = float(np.dot(xc, y - y.mean()) / np.dot(xc, xc))
    yp = y - np.float32(theta) * (x - x.mean())
    t, c = yp[g == 1], yp[g == 0]
    effect = float(t.mean() - c.mean())
    se = float(np.sqrt(t.var(ddof=1) / t.size + c.var(ddof=1) / c.size))
    vr = float(1.0 - yp.var() / y.var())
    return theta, effect, se, vr
