"""Returns var + eps as the batch variance instead of the variance itself."""

import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mean) / np.sqrt(var + eps)
    return gamma * xhat + beta, mean, var + eps
