"""At inference returns x and dout themselves: an integer x comes back as an integer array, and the caller's arrays are shared."""

import numpy as np


def dropout(x, dout, p, seed, training):
    if not training:
        return x, dout
    x = np.asarray(x, dtype=float)
    dout = np.asarray(dout, dtype=float)
    keep = np.random.default_rng(seed).random(x.shape) >= p
    scale = 1.0 / (1.0 - p)
    return np.where(keep, x / (1.0 - p), 0.0), np.where(keep, dout / (1.0 - p), 0.0)
