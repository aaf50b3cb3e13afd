"""Computes the variance in one pass as mean(x^2) - mean(x)^2, which cancels catastrophically for a feature far from zero with a small spread."""

import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    mean = x.mean(axis=0)
    var = (x * x).mean(axis=0) - mean * mean
    xhat = (x - mean) / np.sqrt(var + eps)
    return gamma * xhat + beta, mean, var
