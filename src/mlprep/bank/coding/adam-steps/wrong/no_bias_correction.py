"""Skips the bias correction: uses m and v directly, so early steps are too large."""

import numpy as np


def adam_steps(w0, grads, lr, beta1, beta2, eps):
    w = np.array(w0, dtype=float)
    grads = np.asarray(grads, dtype=float).reshape(-1, w.size)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    path = np.empty((len(grads), w.size))
    for t, g in enumerate(grads, start=1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m
        v_hat = v
        w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
        path[t - 1] = w
    return path
