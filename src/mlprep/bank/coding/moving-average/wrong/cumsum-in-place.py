"""Writes the cumulative sum into the caller's float64 array."""

import numpy as np


def moving_average(values, window):
    v = np.asarray(values, dtype=np.float64)
    if v.size < window:
        return []
    c = np.cumsum(v, out=v if v.dtype == np.float64 and isinstance(values, np.ndarray) else None)
    c = np.concatenate([[0.0], c])
    return ((c[window:] - c[:-window]) / window).tolist()
