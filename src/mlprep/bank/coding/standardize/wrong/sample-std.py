"""Divides by the sample standard deviation (ddof=1) instead of the population one."""
import numpy as np


def standardize(X):
    data = np.array(X, dtype=float)
    if data.shape[0] == 0:
        return data.reshape(0, data.shape[1] if data.ndim == 2 else 0)
    if data.shape[0] == 1:
        return np.zeros_like(data)
    spread = data.std(axis=0, ddof=1)
    return (data - data.mean(axis=0)) / np.where(spread == 0, 1.0, spread)
