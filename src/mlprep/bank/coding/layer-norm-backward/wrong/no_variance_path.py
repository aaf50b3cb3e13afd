"""Backpropagates through the mean but treats the variance as a constant: drops the xhat * mean(g * xhat) term."""

import numpy as np


def layer_norm_backward(x, gamma, dout, eps):
    x = np.asarray(x, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    dout = np.asarray(dout, dtype=float)
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    inv_std = 1.0 / np.sqrt((xc * xc).mean(axis=1, keepdims=True) + eps)
    xhat = xc * inv_std
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    g = dout * gamma
    dx = inv_std * (g - g.mean(axis=1, keepdims=True))
    return dx, dgamma, dbeta
