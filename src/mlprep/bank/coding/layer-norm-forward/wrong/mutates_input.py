"""Centres and scales x in place, overwriting the caller's array."""

import numpy as np


def layer_norm(x, gamma, beta, eps):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    x -= mean
    x /= np.sqrt(var + eps)
    return x * gamma + beta
