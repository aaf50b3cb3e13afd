"""Clips each parameter by its own norm instead of one global factor (and reports the global norm)."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = float(sum(micro_sizes))
    out = []
    for j in range(len(micro_grads[0])):
        parts = [np.asarray(g[j], dtype=np.float64) * n for g, n in zip(micro_grads, micro_sizes) if g[j] is not None]
        out.append(sum(parts) / total if parts else None)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    clipped = []
    for g in out:
        if g is None:
            clipped.append(None)
            continue
        own = float(np.sqrt(np.sum(g * g)))
        clipped.append(g * (max_norm / own) if own > max_norm else g)
    return clipped, norm
