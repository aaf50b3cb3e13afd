"""Shifts each row by its mean instead of its maximum, so a row spanning [-1000, 1000] still overflows."""

import numpy as np


def softmax_cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(labels, dtype=int).reshape(-1)
    m = z.mean(axis=1, keepdims=True)
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    probs = e / s
    lse = m[:, 0] + np.log(s[:, 0])
    loss = float(np.mean(lse - z[np.arange(z.shape[0]), y]))
    return probs, loss
