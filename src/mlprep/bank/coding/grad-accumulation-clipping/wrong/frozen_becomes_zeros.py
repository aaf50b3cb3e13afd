"""Returns a zero array for a parameter that had no gradient in any micro-batch, instead of None."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = float(sum(micro_sizes))
    out = []
    for j in range(len(micro_grads[0])):
        acc = np.zeros(0)
        for g, n in zip(micro_grads, micro_sizes):
            if g[j] is not None:
                acc = acc + np.asarray(g[j], dtype=np.float64) * n if acc.size else np.asarray(g[j], dtype=np.float64) * n
        out.append(acc / total)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out))
    if norm > max_norm:
        out = [g * (max_norm / norm) for g in out]
    return out, norm
