"""Clips pre-activations to [-20, 20] to avoid overflow, so a saturated gate is 1 - 2e-9 instead of 1."""

import numpy as np


def _sigmoid(z):
    z = np.clip(z, -20.0, 20.0)  # avoids overflow
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def lstm_cell(x, h, c, w, u, b):
    x, h, c, w, u, b = (np.asarray(a, dtype=float) for a in (x, h, c, w, u, b))
    z = x @ w + h @ u + b
    i, f, g, o = np.split(z, 4, axis=1)
    c_new = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
    h_new = _sigmoid(o) * np.tanh(c_new)
    return h_new, c_new
