"""Clips the scores with np.clip(..., out=propensity), overwriting the caller's array."""

import numpy as np


def ipw_ate(y, treated, propensity, clip):
    t = treated == 1
    e = np.clip(propensity, clip, 1 - clip, out=propensity)
    n = y.shape[0]
    wt = 1.0 / e[t]
    wc = 1.0 / (1.0 - e[~t])
    st = float(np.sum(wt * y[t]))
    sc = float(np.sum(wc * y[~t]))
    return st / n - sc / n, st / float(np.sum(wt)) - sc / float(np.sum(wc))
