import numpy as np


def standardize(X):
    data = np.array(X, dtype=float)
    if data.shape[0] == 0:
        return data.reshape(0, data.shape[1] if data.ndim == 2 else 0)
    centred = data - data.mean(axis=0)
    spread = np.sqrt((centred**2).mean(axis=0))
    safe = np.where(spread == 0, 1.0, spread)
    return centred / safe
