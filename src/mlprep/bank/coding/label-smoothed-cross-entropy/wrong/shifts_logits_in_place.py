"""Subtracts the row maximum from logits in place (a float array is not copied), so the caller's logits change."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = logits
    if z.dtype.kind != "f":
        z = z.astype(np.float64)
    y = np.asarray(targets)
    n, k = z.shape
    grad = np.zeros((n, k))
    mask = y != ignore_index
    m = int(mask.sum())
    if m == 0:
        return 0.0, grad
    z -= z.max(axis=1, keepdims=True)
    zs = z[mask]
    ys = y[mask]
    logp = zs - np.log(np.exp(zs).sum(axis=1, keepdims=True))
    q = np.full(zs.shape, epsilon / k)
    q[np.arange(m), ys] += 1.0 - epsilon
    loss = float(-(q * logp).sum() / m)
    grad[mask] = (np.exp(logp) - q) / m
    return loss, grad
