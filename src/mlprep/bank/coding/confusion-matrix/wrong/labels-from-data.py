"""Sizes the matrix by the labels seen in the data instead of by num_classes."""

import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    truth = np.asarray(y_true, dtype=int).ravel()
    pred = np.asarray(y_pred, dtype=int).ravel()
    labels = sorted(set(truth.tolist()) | set(pred.tolist()))
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(truth, pred):
        matrix[index[t], index[p]] += 1
    return matrix
