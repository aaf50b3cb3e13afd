"""Clips only the treated units' scores; control weights use the raw score, so a control with e near 1 gets a huge weight."""

import numpy as np


def ipw_ate(y, treated, propensity, clip):
    t = treated == 1
    n = y.shape[0]
    wt = 1.0 / np.clip(propensity[t], clip, 1 - clip)
    wc = 1.0 / (1.0 - propensity[~t])
    st = float(np.sum(wt * y[t]))
    sc = float(np.sum(wc * y[~t]))
    return st / n - sc / n, st / float(np.sum(wt)) - sc / float(np.sum(wc))
