"""Computes the variance as mean(x**2) - mean(x)**2, which cancels catastrophically for a large offset."""

import numpy as np


def layer_norm(x, gamma, beta, eps):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=-1, keepdims=True)
    var = np.maximum((x**2).mean(axis=-1, keepdims=True) - mean**2, 0.0)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta
