"""Sums the per-row losses over the batch instead of averaging them."""

import numpy as np


def softmax_cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(labels, dtype=int).ravel()
    shifted = z - z.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    sums = exp.sum(axis=1, keepdims=True)
    log_probs = shifted - np.log(sums)
    return exp / sums, float(-log_probs[np.arange(len(y)), y].sum())
