"""Ends each window one row and one column short (range up to start + size - 1)."""

import numpy as np


def max_pool2d(x, size, stride):
    C, H, W = x.shape
    ho = (H - size) // stride + 1
    wo = (W - size) // stride + 1
    out = np.empty((C, ho, wo), dtype=np.float64)
    for c in range(C):
        for i in range(ho):
            for j in range(wo):
                best = None
                for a in range(i * stride, i * stride + size - 1 if size > 1 else i * stride + 1):
                    for b in range(j * stride, j * stride + size - 1 if size > 1 else j * stride + 1):
                        v = x[c, a, b]
                        if best is None or v > best:
                            best = v
                out[c, i, j] = best
    return out
