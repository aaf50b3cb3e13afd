"""Centres x in place (x -= mean) to save memory, changing the caller's array."""

import numpy as np


def layer_norm_backward(x, gamma, dout, eps):
    D = x.shape[1]
    mu = x.mean(axis=1, keepdims=True)
    x -= mu  # centre in place to save memory
    var = (x * x).mean(axis=1, keepdims=True)
    inv = 1.0 / np.sqrt(var + eps)
    xhat = x * inv
    g = dout * gamma
    dx = inv / D * (D * g - g.sum(axis=1, keepdims=True) - xhat * (g * xhat).sum(axis=1, keepdims=True))
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)
