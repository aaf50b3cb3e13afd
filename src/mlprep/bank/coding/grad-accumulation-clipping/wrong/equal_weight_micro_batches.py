"""Averages the M micro-batch means with equal weights, ignoring that they cover different numbers of examples."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    m = len(micro_grads)
    out = []
    for j in range(len(micro_grads[0])):
        parts = [np.asarray(g[j], dtype=np.float64) for g in micro_grads if g[j] is not None]
        out.append(sum(parts) / m if parts else None)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    if norm > max_norm:
        out = [None if g is None else g * (max_norm / norm) for g in out]
    return out, norm
