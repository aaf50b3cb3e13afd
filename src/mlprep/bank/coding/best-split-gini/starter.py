import numpy as np


def best_split_gini(x, y):
    """Return (threshold, weighted Gini) of the best midpoint split, or None if x has < 2 values."""
    raise NotImplementedError
