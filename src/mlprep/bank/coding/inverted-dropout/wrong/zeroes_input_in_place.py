"""Zeroes the dropped units of the caller's x in place."""

import numpy as np


def dropout(x, dout, p, seed, training):
    if not training:
        return x.astype(float), dout.astype(float)
    keep = np.random.default_rng(seed).random(x.shape) >= p
    x[~keep] = 0  # writes into the caller's array
    dout = dout.astype(float)
    dout[~keep] = 0.0
    return x / (1.0 - p), dout / (1.0 - p)
