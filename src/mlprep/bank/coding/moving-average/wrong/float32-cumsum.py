"""Takes the running sum in float32: a 300,000-value window loses digits far beyond rtol 1e-7."""

import numpy as np


def moving_average(values, window):
    v = np.asarray(values, dtype=np.float32)
    if v.size < window:
        return []
    c = np.concatenate([[0.0], np.cumsum(v)])
    return ((c[window:] - c[:-window]) / window).tolist()
