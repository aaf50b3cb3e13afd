"""Classic (non-inverted) dropout: no scaling in training, multiply by 1 - p at inference."""

import numpy as np


def dropout(x, dout, p, seed, training):
    x = np.asarray(x, dtype=float)
    dout = np.asarray(dout, dtype=float)
    if not training:
        return x * (1.0 - p), dout * (1.0 - p)
    keep = np.random.default_rng(seed).random(x.shape) >= p
    scale = 1.0
    return x * keep * scale, dout * keep * scale
