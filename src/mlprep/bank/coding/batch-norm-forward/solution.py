import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    batch = np.asarray(x, dtype=float)
    mean = batch.mean(axis=0)
    centred = batch - mean
    var = (centred**2).mean(axis=0)
    x_hat = centred / np.sqrt(var + eps)
    return np.asarray(gamma) * x_hat + np.asarray(beta), mean, var
