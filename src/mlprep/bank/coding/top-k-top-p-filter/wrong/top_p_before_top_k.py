"""Applies top-p before top-k (on the full distribution), the opposite of the stated order."""

import numpy as np


def top_k_top_p(probs, k, p):
    probs = np.asarray(probs, dtype=float)
    # most probable first; equal probabilities keep the lower index first (stable sort)
    order = np.argsort(-probs, kind="stable")
    if p < 1.0:
        kept = probs[order] / probs[order].sum()
        reached = np.cumsum(kept) >= p
        if reached.any():
            order = order[: int(np.argmax(reached)) + 1]
    if 0 < k < len(order):
        order = order[:k]
    out = np.zeros_like(probs)
    out[order] = probs[order] / probs[order].sum()
    return out
