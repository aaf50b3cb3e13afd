"""Takes np.log of a (max-shifted, so overflow-free) softmax: a class whose probability underflows to 0 gets log p = -inf, and smoothing charges every class."""

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
    e = np.exp(zv - zv.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    q = np.full(zv.shape, epsilon / k)
    q[np.arange(count), tv] += 1.0 - epsilon
    with np.errstate(divide="ignore", invalid="ignore"):
        loss = float(-(q * np.log(p)).sum()) / count
    grad[valid] = (p - q) / count
    return loss, grad
