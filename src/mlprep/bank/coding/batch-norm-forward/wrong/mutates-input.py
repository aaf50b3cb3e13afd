"""Centres the batch in place, overwriting the caller's x."""
import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    batch = np.asarray(x, dtype=float)
    mean = batch.mean(axis=0)
    var = batch.var(axis=0)
    batch -= mean
    batch /= np.sqrt(var + eps)
    return gamma * batch + beta, mean, var
