"""Accumulates into the first micro-batch's arrays and clips with *=, modifying the caller's gradients."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = float(sum(micro_sizes))
    out = []
    for j in range(len(micro_grads[0])):
        acc = None
        for g, n in zip(micro_grads, micro_sizes):
            if g[j] is None:
                continue
            if acc is None:
                acc = np.asarray(g[j], dtype=np.float64)
                acc *= n
            else:
                acc += n * np.asarray(g[j], dtype=np.float64)
        if acc is not None:
            acc /= total
        out.append(acc)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    if norm > max_norm:
        for g in out:
            if g is not None:
                g *= max_norm / norm
    return out, norm
