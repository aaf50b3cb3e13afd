"""Forms the angles m theta in float32: at position 3 the angle is already 6e-8 off, far outside atol = 1e-9."""

import numpy as np


def rotary_embed(x, positions, base):
    x = np.asarray(x, dtype=np.float64)
    T, d = x.shape
    theta = float(base) ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    ang = (np.asarray(positions, dtype=np.float32)[:, None] * theta[None, :].astype(np.float32)).astype(np.float64)
    c, s = np.cos(ang), np.sin(ang)
    a, b = x[:, 0::2], x[:, 1::2]
    out = np.empty_like(x)
    out[:, 0::2] = a * c - b * s
    out[:, 1::2] = a * s + b * c
    return out
