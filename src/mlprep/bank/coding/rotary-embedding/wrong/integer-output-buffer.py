"""Keeps an integer x's dtype, so np.empty_like gives an integer output and the rotated values are truncated."""

import numpy as np


def rotary_embed(x, positions, base):
    x = np.asarray(x)
    T, d = x.shape
    theta = float(base) ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    ang = np.asarray(positions, dtype=np.float64)[:, None] * theta[None, :]
    c, s = np.cos(ang), np.sin(ang)
    a, b = x[:, 0::2], x[:, 1::2]
    out = np.empty_like(x)
    out[:, 0::2] = a * c - b * s
    out[:, 1::2] = a * s + b * c
    return out
