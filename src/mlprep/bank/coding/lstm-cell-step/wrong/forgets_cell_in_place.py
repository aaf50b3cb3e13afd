"""Multiplies the caller's cell state c by the forget gate in place."""

import numpy as np


def lstm_cell(x, h, c, w, u, b):
    H = h.shape[1]
    z = np.dot(x, w) + np.dot(h, u) + b
    sig = lambda v: 0.5 * (1.0 + np.tanh(0.5 * v))  # noqa: E731
    i = sig(z[:, :H])
    f = sig(z[:, H : 2 * H])
    g = np.tanh(z[:, 2 * H : 3 * H])
    o = sig(z[:, 3 * H :])
    c *= f  # forget in place
    c2 = c + i * g
    return o * np.tanh(c2), c2
