"""Uses theta_i = base^(-i/d), dropping the factor 2 in the exponent."""

import numpy as np


def rotary_embed(x, positions, base):
    x = np.asarray(x, dtype=float)
    d = x.shape[1]
    freqs = base ** (-np.arange(d // 2) / d)
    angles = np.asarray(positions, dtype=float)[:, None] * freqs  # (T, d/2)
    cos, sin = np.cos(angles), np.sin(angles)
    even, odd = x[:, 0::2], x[:, 1::2]
    out = np.empty_like(x)
    out[:, 0::2] = even * cos - odd * sin
    out[:, 1::2] = even * sin + odd * cos
    return out
