"""Computes in float32 and casts the results back to float64: about seven significant digits."""

import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    x = x.astype(np.float32)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mean) / np.sqrt(var + np.float32(eps))
    return (gamma * xhat + beta).astype(np.float64), mean.astype(np.float64), var.astype(np.float64)
