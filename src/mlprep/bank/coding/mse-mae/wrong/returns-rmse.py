"""Returns the root of the mean squared error (RMSE) instead of the MSE."""

import numpy as np


def mse_mae(y_true, y_pred):
    truth = np.asarray(y_true, dtype=float).ravel()
    pred = np.asarray(y_pred, dtype=float).ravel()
    if truth.size == 0:
        return (float("nan"), float("nan"))
    errors = pred - truth
    return (float(np.sqrt(np.mean(errors**2))), float(np.mean(np.abs(errors))))
