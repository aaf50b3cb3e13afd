"""Seeds NumPy's legacy global generator (np.random.seed) instead of default_rng: a different stream."""

import numpy as np


def dropout(x, dout, p, seed, training):
    x = np.asarray(x, dtype=float)
    dout = np.asarray(dout, dtype=float)
    if not training:
        return x.copy(), dout.copy()
    np.random.seed(seed)
    keep = np.random.random(x.shape) >= p
    scale = 1.0 / (1.0 - p)
    return x * keep * scale, dout * keep * scale
