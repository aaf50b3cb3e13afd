"""Computes in float32 and casts back to float64: errors near 1e-6 miss rtol = 1e-6."""

import numpy as np


def layer_norm(x, gamma, beta, eps):
    x32 = x.astype(np.float32)
    mu = x32.mean(axis=-1, keepdims=True)
    var = x32.var(axis=-1, keepdims=True)
    return (gamma * (x32 - mu) / np.sqrt(var + np.float32(eps)) + beta).astype(np.float64)
