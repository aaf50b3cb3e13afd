"""Appends the same parameter array every step and updates it in place, so every row is the last step."""

import numpy as np


def adam_steps(w0, grads, lr, beta1, beta2, eps):
    w = np.array(w0, dtype=float)
    rows = []
    g_all = np.asarray(grads, dtype=float)
    T = g_all.shape[0]
    out = []
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, T + 1):
        g = g_all[t - 1]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        mh = m / (1 - beta1**t)
        vh = v / (1 - beta2**t)
        w -= lr * mh / (np.sqrt(vh) + eps)
        out.append(w)
    return np.array(out).reshape(T, -1) if T else np.zeros((0, w.shape[0]))
