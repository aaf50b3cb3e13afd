"""Converts the values to float32: near 10^7 the spacing is 1, so a sub-unit spread collapses and the IQR becomes 0."""

import numpy as np


def iqr_outliers(values):
    x = np.asarray(values, dtype=np.float32)
    if x.size == 0:
        return []
    q1, q3 = np.percentile(x, [25, 75])
    iqr = q3 - q1
    lo, hi = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    return [bool(v) for v in (x < lo) | (x > hi)]
