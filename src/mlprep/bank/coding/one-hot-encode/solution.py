import numpy as np


def one_hot_encode(values):
    column_of: dict = {}
    columns = []
    for value in values:
        if value not in column_of:
            column_of[value] = len(column_of)
        columns.append(column_of[value])
    matrix = np.zeros((len(columns), len(column_of)), dtype=int)
    matrix[np.arange(len(columns)), columns] = 1
    return list(column_of), matrix
