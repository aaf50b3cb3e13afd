"""Starts each window's maximum at 0, so all-negative windows return 0."""

import numpy as np


def max_pool2d(x, size, stride):
    x = np.asarray(x)
    c, h, w = x.shape
    h_out = (h - size) // stride + 1
    w_out = (w - size) // stride + 1
    out = np.empty((c, h_out, w_out), dtype=float)
    for i in range(h_out):
        for j in range(w_out):
            r, q = i * stride, j * stride
            out[:, i, j] = x[:, r : r + size, q : q + size].max(axis=(1, 2)).clip(min=0)
    return out
