"""Drops the first category's column (dummy coding), giving c - 1 columns."""
import numpy as np


def one_hot_encode(values):
    column_of: dict = {}
    for value in values:
        column_of.setdefault(value, len(column_of))
    matrix = np.zeros((len(values), len(column_of)), dtype=int)
    for i, value in enumerate(values):
        matrix[i, column_of[value]] = 1
    return list(column_of)[1:], matrix[:, 1:]
