"""Keeps an integer logits array's dtype, so the gradient buffer is integer and the stored gradients are truncated."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits)
    y = np.asarray(targets)
    n, k = z.shape
    grad = np.zeros_like(z)
    mask = y != ignore_index
    m = int(mask.sum())
    if m == 0:
        return 0.0, grad.astype(float)
    zs = z[mask]
    ys = y[mask]
    sh = zs - zs.max(axis=1, keepdims=True)
    logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
    q = np.full(zs.shape, epsilon / k)
    q[np.arange(m), ys] += 1.0 - epsilon
    loss = float(-(q * logp).sum() / m)
    grad[mask] = (np.exp(logp) - q) / m
    return loss, grad
