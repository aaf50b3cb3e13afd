"""Folds the bias corrections into the step size (the paper's efficient form), which scales eps by sqrt(1 - beta2^t)."""

import numpy as np


def adam_steps(w0, grads, lr, beta1, beta2, eps):
    w = np.array(w0, dtype=float)
    g_all = np.asarray(grads, dtype=float)
    T = g_all.shape[0]
    out = np.empty((T, w.shape[0]))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, T + 1):
        g = g_all[t - 1]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
        w = w - lr_t * m / (np.sqrt(v) + eps)
        out[t - 1] = w
    return out
