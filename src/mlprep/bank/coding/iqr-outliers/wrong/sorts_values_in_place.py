"""Sorts the caller's array in place to find the quartiles, then maps the flags back through argsort."""

import numpy as np


def iqr_outliers(values):
    x = np.asarray(values, dtype=float)
    order = np.argsort(x)
    x.sort()
    if x.size == 0:
        return []
    q1, q3 = np.percentile(x, [25, 75])
    iqr = q3 - q1
    lo, hi = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    out = np.empty(x.size, dtype=bool)
    out[order] = (x < lo) | (x > hi)
    return [bool(v) for v in out]
