"""Returns (mae, mse) instead of (mse, mae)."""

import numpy as np


def mse_mae(y_true, y_pred):
    truth = np.asarray(y_true, dtype=float).ravel()
    pred = np.asarray(y_pred, dtype=float).ravel()
    if truth.size == 0:
        return (float("nan"), float("nan"))
    errors = pred - truth
    return (float(np.mean(np.abs(errors))), float(np.mean(errors**2)))
