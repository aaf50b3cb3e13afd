"""Clips every micro-batch's gradients by their own global norm before accumulating, which changes the direction of the accumulated update (and returns the norm after clipping)."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = float(sum(micro_sizes))
    p = len(micro_grads[0])
    acc = [None] * p
    for grads, n in zip(micro_grads, micro_sizes):
        arrays = [None if g is None else np.asarray(g, dtype=np.float64) for g in grads]
        norm = math.sqrt(sum(float(np.sum(a * a)) for a in arrays if a is not None))
        scale = max_norm / norm if norm > max_norm else 1.0
        for j, a in enumerate(arrays):
            if a is not None:
                acc[j] = a * (scale * n) if acc[j] is None else acc[j] + a * (scale * n)
    out = [None if a is None else a / total for a in acc]
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    return out, norm
