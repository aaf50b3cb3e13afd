"""Divides each parameter by the sizes of the micro-batches where it had a gradient, so a rarely routed expert gets a full-strength gradient from a few examples."""

import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    out = []
    for j in range(len(micro_grads[0])):
        acc, seen = None, 0
        for grads, n in zip(micro_grads, micro_sizes):
            if grads[j] is None:
                continue
            term = np.asarray(grads[j], dtype=np.float64) * n
            acc = term if acc is None else acc + term
            seen += n
        out.append(None if acc is None else acc / seen)
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in out if g is not None))
    if norm > max_norm:
        out = [None if g is None else g * (max_norm / norm) for g in out]
    return out, norm
