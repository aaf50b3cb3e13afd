import numpy as np


def isotonic_regression(y, w, increasing):
    """Return the weighted least-squares monotone fit of y, a float array of shape (n,)."""
    raise NotImplementedError
