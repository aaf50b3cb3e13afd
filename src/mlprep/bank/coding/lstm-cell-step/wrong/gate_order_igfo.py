"""Splits the blocks as i, g, f, o (TensorFlow 1's layout) instead of the stated i, f, g, o."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def lstm_cell(x, h, c, w, u, b):
    x, h, c, w, u, b = (np.asarray(a, dtype=float) for a in (x, h, c, w, u, b))
    z = x @ w + h @ u + b
    i, g, f, o = np.split(z, 4, axis=1)
    c_new = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
    h_new = _sigmoid(o) * np.tanh(c_new)
    return h_new, c_new
