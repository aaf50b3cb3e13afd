import numpy as np


def pca(X, n_components):
    """Return (projected data (n, k), explained-variance ratios (k,)), signs as in the prompt."""
    raise NotImplementedError
