"""Zeroes the dropped tokens in probs itself and renormalises that array, changing the caller's distribution."""

import numpy as np


def top_k_top_p(probs, k, p):
    V = probs.shape[0]
    order = np.argsort(-probs, kind="stable")
    m = V if (k == 0 or k >= V) else k
    kept = order[:m]
    if p < 1.0:
        q = probs[kept] / probs[kept].sum()
        cs = np.cumsum(q)
        cut = int(np.searchsorted(cs, p, side="left")) + 1
        kept = kept[: min(cut, m)]
    mask = np.ones(V, dtype=bool)
    mask[kept] = False
    probs[mask] = 0.0
    return probs / probs.sum()
