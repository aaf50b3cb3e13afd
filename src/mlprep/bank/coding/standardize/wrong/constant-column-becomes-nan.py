"""Divides by a zero standard deviation, so constant columns become NaN."""
import numpy as np


def standardize(X):
    data = np.array(X, dtype=float)
    if data.shape[0] == 0:
        return data.reshape(0, data.shape[1] if data.ndim == 2 else 0)
    with np.errstate(all="ignore"):
        return (data - data.mean(axis=0)) / data.std(axis=0)
