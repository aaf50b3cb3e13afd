"""Converts to float32, off by about 1e-8 relative."""

import numpy as np


def mse_mae(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.float32)
    p = np.asarray(y_pred, dtype=np.float32)
    if t.size == 0:
        return (float("nan"), float("nan"))
    e = p - t
    return (float(np.mean(e * e)), float(np.mean(np.abs(e))))
