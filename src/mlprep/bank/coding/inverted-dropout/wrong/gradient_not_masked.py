"""Scales the gradient but does not mask it: dropped units still receive gradient."""

import numpy as np


def dropout(x, dout, p, seed, training):
    x = np.asarray(x, dtype=float)
    dout = np.asarray(dout, dtype=float)
    if not training:
        return x.copy(), dout.copy()
    keep = np.random.default_rng(seed).random(x.shape) >= p
    scale = 1.0 / (1.0 - p)
    return x * keep * scale, dout * scale
