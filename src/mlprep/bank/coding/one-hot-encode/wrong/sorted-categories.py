"""Orders the categories by sorting (np.unique style) instead of by first appearance."""
import numpy as np


def one_hot_encode(values):
    categories = sorted(set(values))
    column_of = {c: j for j, c in enumerate(categories)}
    matrix = np.zeros((len(values), len(categories)), dtype=int)
    for i, value in enumerate(values):
        matrix[i, column_of[value]] = 1
    return categories, matrix
