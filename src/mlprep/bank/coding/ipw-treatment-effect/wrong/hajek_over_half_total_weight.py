"""Normalises both Hajek means by half the total weight of all units instead of each group's own weight sum."""

import numpy as np


def ipw_ate(y, treated, propensity, clip):
    t = treated == 1
    e = np.clip(propensity, clip, 1 - clip)
    n = y.shape[0]
    w = np.where(t, 1.0 / e, 1.0 / (1.0 - e))
    st = float(np.sum(w[t] * y[t]))
    sc = float(np.sum(w[~t] * y[~t]))
    total = float(np.sum(w)) / 2.0
    return st / n - sc / n, st / total - sc / total
