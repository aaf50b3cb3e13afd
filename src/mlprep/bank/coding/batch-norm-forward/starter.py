import numpy as np


def batch_norm_forward(x, gamma, beta, eps):
    """Return (y, batch_mean, batch_var) of batch normalisation in training mode."""
    raise NotImplementedError
