"""Computes the hidden state from tanh of the old cell state instead of the new one."""

import numpy as np


def _sigmoid(z):
    # split by sign so exp never overflows
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def lstm_cell(x, h, c, w, u, b):
    x, h, c = (np.asarray(a, dtype=float) for a in (x, h, c))
    z = x @ np.asarray(w, dtype=float) + h @ np.asarray(u, dtype=float) + np.asarray(b, dtype=float)
    i, f, g, o = np.split(z, 4, axis=1)  # gate blocks in the stated order
    c_new = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
    h_new = _sigmoid(o) * np.tanh(c)
    return h_new, c_new
