"""Sorts each row of resample_indices in place (the means are unchanged, the caller's array is not)."""

import numpy as np


def bootstrap_ci(data, resample_indices, alpha):
    x = np.asarray(data, dtype=float)
    resample_indices.sort(axis=1)  # contiguous gathers
    means = x[resample_indices].mean(axis=1)
    lo, hi = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)
