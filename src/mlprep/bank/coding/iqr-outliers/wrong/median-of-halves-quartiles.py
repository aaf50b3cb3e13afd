"""Uses Tukey's hinges (median of the lower and upper half) instead of linear interpolation."""
import numpy as np


def iqr_outliers(values):
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        return []
    s = np.sort(x)
    half = len(s) // 2
    lower = s[: half + (len(s) % 2)]
    upper = s[half:]
    q1, q3 = np.median(lower), np.median(upper)
    spread = q3 - q1
    low, high = q1 - 1.5 * spread, q3 + 1.5 * spread
    return [bool(v < low or v > high) for v in x]
