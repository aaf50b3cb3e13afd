"""Forgets minlength, so the matrix shrinks when the highest classes never appear."""

import numpy as np


def confusion_matrix(y_true, y_pred, num_classes):
    truth = np.asarray(y_true, dtype=int).ravel()
    pred = np.asarray(y_pred, dtype=int).ravel()
    k = int(num_classes)
    flat = np.bincount(truth * k + pred)
    flat = np.pad(flat, (0, (-len(flat)) % k))
    return flat.reshape(-1, k)
