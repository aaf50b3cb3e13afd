"""Uses np.percentile(method='midpoint'), which averages the two order statistics instead of interpolating."""

import numpy as np


def iqr_outliers(values):
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return []
    q1, q3 = np.percentile(x, [25, 75], method='midpoint')
    iqr = q3 - q1
    lo, hi = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    return [bool(v) for v in (x < lo) | (x > hi)]
