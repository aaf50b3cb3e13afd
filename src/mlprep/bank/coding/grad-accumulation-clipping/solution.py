import math

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    total = float(sum(micro_sizes))
    n_params = len(micro_grads[0])
    combined = []
    for j in range(n_params):
        acc = None
        for grads, size in zip(micro_grads, micro_sizes):
            g = grads[j]
            if g is None:
                continue  # no gradient in this micro-batch: its examples contribute zeros
            term = np.asarray(g, dtype=np.float64) * size
            acc = term if acc is None else acc + term
        combined.append(None if acc is None else acc / total)
    sq = sum(float(np.sum(g * g)) for g in combined if g is not None)
    norm = math.sqrt(sq)
    if norm > max_norm:
        scale = max_norm / norm
        combined = [None if g is None else g * scale for g in combined]
    return combined, norm
