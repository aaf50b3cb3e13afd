"""Uses <= and >=, so a value exactly on a fence is wrongly flagged."""
import numpy as np


def iqr_outliers(values):
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return []
    q1, q3 = np.percentile(x, [25, 75])
    spread = q3 - q1
    low, high = q1 - 1.5 * spread, q3 + 1.5 * spread
    return [bool(v <= low or v >= high) for v in x]
