"""Uses the unbiased variance (divides by D - 1) instead of the biased one."""

import numpy as np


def layer_norm(x, gamma, beta, eps):
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=-1, keepdims=True)
    d = x.shape[-1]
    var = ((x - mean) ** 2).sum(axis=-1, keepdims=True) / max(d - 1, 1)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta
