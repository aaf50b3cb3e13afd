"""Uses exp(z) / (1 + exp(z)), which is inf/inf = NaN for large z."""

import numpy as np


def _sigmoid(z):
    e = np.exp(z)
    return e / (1.0 + e)


def lstm_cell(x, h, c, w, u, b):
    x, h, c = (np.asarray(a, dtype=float) for a in (x, h, c))
    z = x @ np.asarray(w, dtype=float) + h @ np.asarray(u, dtype=float) + np.asarray(b, dtype=float)
    i, f, g, o = np.split(z, 4, axis=1)  # gate blocks in the stated order
    c_new = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
    h_new = _sigmoid(o) * np.tanh(c_new)
    return h_new, c_new
