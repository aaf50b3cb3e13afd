import numpy as np


def pca(X, n_components):
    """Return (projected data (n, k), explained-variance ratios (k,)) with the prompt's sign rule."""
    raise NotImplementedError
