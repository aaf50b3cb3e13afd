"""Masks padding out of the loss but computes softmax - q for every row, so padding positions get a gradient (against class ignore_index mod K)."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    n, k = z.shape
    valid = t != ignore_index
    count = int(valid.sum())
    if count == 0:
        return 0.0, np.zeros((n, k))
    m = z.max(axis=1, keepdims=True)
    log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    q = np.full(z.shape, epsilon / k)
    q[np.arange(n), t % k] += 1.0 - epsilon
    loss = float(-(q * log_p)[valid].sum()) / count
    return loss, (np.exp(log_p) - q) / count
