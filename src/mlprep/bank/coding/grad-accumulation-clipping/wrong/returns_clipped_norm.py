"""Returns the norm after clipping, min(norm, max_norm), instead of the norm before clipping."""

import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    M = len(micro_grads)
    P = len(micro_grads[0]) if M else 0
    total = float(sum(micro_sizes))
    grads = []
    for j in range(P):
        acc = None
        for m in range(M):
            g = micro_grads[m][j]
            if g is None:
                continue
            term = np.asarray(g, dtype=np.float64) * float(micro_sizes[m])
            acc = term if acc is None else acc + term
        grads.append(None if acc is None else acc / total)
    sq = 0.0
    for g in grads:
        if g is not None:
            sq += float(np.sum(g * g))
    norm = float(np.sqrt(sq))
    if norm > max_norm:
        f = max_norm / norm
        grads = [None if g is None else g * f for g in grads]
    return grads, min(norm, max_norm)
