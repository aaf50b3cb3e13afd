"""Reads the quantiles as sorted_means[int(p * B)] without interpolation."""
import numpy as np


def bootstrap_ci(data, resample_indices, alpha):
    x = np.asarray(data, dtype=float)
    means = np.sort(x[np.asarray(resample_indices)].mean(axis=1))
    b = len(means)
    lower = means[int(alpha / 2 * b)]
    upper = means[min(b - 1, int((1 - alpha / 2) * b))]
    return float(lower), float(upper)
