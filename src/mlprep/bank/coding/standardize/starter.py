import numpy as np


def standardize(X):
    """Return the column-wise z-scores of X (population std; constant columns -> 0)."""
    raise NotImplementedError
