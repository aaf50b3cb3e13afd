"""Subtracts the row maxima from the caller's float logits in place."""

import numpy as np


def softmax_cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=float)
    z -= z.max(axis=1, keepdims=True)  # shifts the caller's array when it is float
    y = np.asarray(labels, dtype=int).reshape(-1)
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    probs = e / s
    lse = m[:, 0] + np.log(s[:, 0])
    loss = float(np.mean(lse - z[np.arange(z.shape[0]), y]))
    return probs, loss
