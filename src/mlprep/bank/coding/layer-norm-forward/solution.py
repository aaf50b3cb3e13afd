import numpy as np


def layer_norm(x, gamma, beta, eps):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred**2).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * np.asarray(gamma, dtype=float) + np.asarray(
        beta, dtype=float
    )
