"""Reduces without keepdims and broadcasts through x.T, which only works for 2-D input."""

import numpy as np


def layer_norm(x, gamma, beta, eps):
    mu = x.mean(axis=-1)
    var = x.var(axis=-1)
    return gamma * ((x.T - mu) / np.sqrt(var + eps)).T + beta
