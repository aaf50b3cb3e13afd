"""Takes the quantiles of all resampled values instead of the quantiles of the resample means."""
import numpy as np


def bootstrap_ci(data, resample_indices, alpha):
    x = np.asarray(data, dtype=float)
    values = x[np.asarray(resample_indices)].ravel()
    lower, upper = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return float(lower), float(upper)
