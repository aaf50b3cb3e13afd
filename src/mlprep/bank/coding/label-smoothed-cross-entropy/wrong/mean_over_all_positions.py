"""Skips the ignored positions' losses but still divides by N, counting padding in the mean."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    n, k = z.shape
    grad = np.zeros((n, k))
    valid = t != ignore_index
    if not valid.any():
        return 0.0, grad
    zv, tv = z[valid], t[valid]
    m = zv.max(axis=1, keepdims=True)
    log_p = zv - m - np.log(np.exp(zv - m).sum(axis=1, keepdims=True))
    q = np.full(zv.shape, epsilon / k)
    q[np.arange(len(tv)), tv] += 1.0 - epsilon
    grad[valid] = (np.exp(log_p) - q) / n
    return float(-(q * log_p).sum()) / n, grad
