"""Returns a boolean matrix from a comparison instead of 0/1 integers."""
import numpy as np


def one_hot_encode(values):
    column_of: dict = {}
    for value in values:
        column_of.setdefault(value, len(column_of))
    codes = np.array([column_of[v] for v in values], dtype=int)
    return list(column_of), codes[:, None] == np.arange(len(column_of))[None, :]
