"""Uses one mean and standard deviation for the whole matrix instead of per column."""
import numpy as np


def standardize(X):
    data = np.array(X, dtype=float)
    if data.shape[0] == 0:
        return data.reshape(0, data.shape[1] if data.ndim == 2 else 0)
    centred = data - data.mean(axis=0)
    spread = data.std()
    return centred / spread if spread > 0 else np.zeros_like(data)
