"""Pools in float32: values lose digits beyond rtol = 1e-12."""

import numpy as np


def max_pool2d(x, size, stride):
    C, H, W = x.shape
    ho = (H - size) // stride + 1
    wo = (W - size) // stride + 1
    out = np.empty((C, ho, wo), dtype=np.float32)
    for c in range(C):
        for i in range(ho):
            for j in range(wo):
                best = None
                for a in range(i * stride, i * stride + size):
                    for b in range(j * stride, j * stride + size):
                        v = x[c, a, b]
                        if best is None or v > best:
                            best = v
                out[c, i, j] = best
    return out
