"""Drops units but forgets to divide the kept ones by 1 - p."""

import numpy as np


def dropout(x, dout, p, seed, training):
    x = np.asarray(x, dtype=float)
    dout = np.asarray(dout, dtype=float)
    if not training:
        return x.copy(), dout.copy()
    keep = np.random.default_rng(seed).random(x.shape) >= p
    scale = 1.0
    return x * keep * scale, dout * keep * scale
