"""Trims weights from above at 1/clip but never raises small ones, which is clipping only one side of each group's score."""

import numpy as np


def ipw_ate(y, treated, propensity, clip):
    # trims large weights at 1/clip (the usual "weight cap"), never raises small ones
    t = treated == 1
    n = y.shape[0]
    cap = np.inf if clip == 0 else 1.0 / clip
    with np.errstate(divide="ignore"):
        wt = np.minimum(1.0 / propensity[t], cap)
        wc = np.minimum(1.0 / (1.0 - propensity[~t]), cap)
    st = float(np.sum(wt * y[t]))
    sc = float(np.sum(wc * y[~t]))
    return st / n - sc / n, st / float(np.sum(wt)) - sc / float(np.sum(wc))
