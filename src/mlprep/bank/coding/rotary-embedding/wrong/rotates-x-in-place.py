"""Writes the rotated pairs back into x (a float x is not copied), changing the caller's array."""

import numpy as np


def rotary_embed(x, positions, base):
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    T, d = x.shape
    theta = float(base) ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    ang = np.asarray(positions, dtype=np.float64)[:, None] * theta[None, :]
    c, s = np.cos(ang), np.sin(ang)
    a, b = x[:, 0::2], x[:, 1::2]
    a, b = a.copy(), b.copy()
    x[:, 0::2] = a * c - b * s
    x[:, 1::2] = a * s + b * c
    return x
