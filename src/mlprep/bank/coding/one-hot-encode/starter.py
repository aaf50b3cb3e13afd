import numpy as np


def one_hot_encode(values):
    """Return (categories in first-appearance order, n x c matrix of 0/1 ints)."""
    raise NotImplementedError
