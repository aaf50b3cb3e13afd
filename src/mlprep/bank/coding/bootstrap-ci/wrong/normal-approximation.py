"""Uses mean +- 1.96 standard deviations of the bootstrap means instead of their percentiles."""
import numpy as np


def bootstrap_ci(data, resample_indices, alpha):
    x = np.asarray(data, dtype=float)
    means = x[np.asarray(resample_indices)].mean(axis=1)
    centre, spread = means.mean(), means.std()
    return float(centre - 1.96 * spread), float(centre + 1.96 * spread)
