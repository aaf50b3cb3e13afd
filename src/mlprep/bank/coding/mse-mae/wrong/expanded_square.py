"""Expands the MSE as mean(y^2) - 2 mean(y y_hat) + mean(y_hat^2), which cancels catastrophically for large targets."""

import numpy as np


def mse_mae(y_true, y_pred):
    t = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    if t.size == 0:
        return (float("nan"), float("nan"))
    e = p - t
    mse = np.mean(t * t) - 2 * np.mean(t * p) + np.mean(p * p)
    return (float(mse), float(np.mean(np.abs(e))))
