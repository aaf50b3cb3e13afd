"""Centres and scales a float array in place, overwriting the caller's data."""
import numpy as np


def standardize(X):
    data = np.asarray(X, dtype=float)
    if data.shape[0] == 0:
        return data.reshape(0, data.shape[1] if data.ndim == 2 else 0)
    spread = data.std(axis=0)
    data -= data.mean(axis=0)
    data /= np.where(spread == 0, 1.0, spread)
    return data
