"""Uses matrix[t, p] += 1 with arrays: repeated pairs are counted only once."""

import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    truth = np.asarray(y_true, dtype=int).ravel()
    pred = np.asarray(y_pred, dtype=int).ravel()
    matrix = np.zeros((num_classes, num_classes), dtype=int)
    matrix[truth, pred] += 1
    return matrix
