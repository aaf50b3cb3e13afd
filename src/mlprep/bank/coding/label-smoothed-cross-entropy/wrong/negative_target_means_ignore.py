"""Treats every negative target as padding (targets >= 0 are kept), so an ignore_index that is a real class id, like pad id 0, is trained on."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    n, k = z.shape
    grad = np.zeros((n, k))
    valid = t >= 0
    count = int(valid.sum())
    if count == 0:
        return 0.0, grad
    zv, tv = z[valid], t[valid]
    m = zv.max(axis=1, keepdims=True)
    log_p = zv - m - np.log(np.exp(zv - m).sum(axis=1, keepdims=True))
    q = np.full(zv.shape, epsilon / k)
    q[np.arange(count), tv] += 1.0 - epsilon
    grad[valid] = (np.exp(log_p) - q) / count
    return float(-(q * log_p).sum()) / count, grad
