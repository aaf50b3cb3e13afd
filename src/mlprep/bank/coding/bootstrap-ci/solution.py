import numpy as np


def bootstrap_ci(data, resample_indices, alpha):
    x = np.asarray(data, dtype=float)
    means = x[np.asarray(resample_indices)].mean(axis=1)
    lower, upper = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(lower), float(upper)
