"""Forgets the absolute value, so positive and negative errors cancel in the MAE."""

import numpy as np


def mse_mae(y_true, y_pred):
    truth = np.asarray(y_true, dtype=float).ravel()
    pred = np.asarray(y_pred, dtype=float).ravel()
    if truth.size == 0:
        return (float("nan"), float("nan"))
    errors = pred - truth
    return (float(np.mean(errors**2)), float(np.mean(errors)))
