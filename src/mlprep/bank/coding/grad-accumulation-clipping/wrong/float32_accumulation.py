"""Accumulates in the input's dtype: float32 gradients keep only about seven significant digits."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = sum(micro_sizes)
    out = []
    for j in range(len(micro_grads[0])):
        acc = None
        for g, n in zip(micro_grads, micro_sizes):
            if g[j] is None:
                continue
            acc = g[j] * n if acc is None else acc + g[j] * n
        out.append(None if acc is None else acc / total)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    if norm > max_norm:
        out = [None if g is None else g * (max_norm / norm) for g in out]
    return [None if g is None else np.asarray(g, dtype=np.float64) for g in out], norm
