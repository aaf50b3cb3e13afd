"""Cuts where the running sum first exceeds p (searchsorted side='right'): when a running sum equals p exactly, one token too many is kept."""

import numpy as np


def top_k_top_p(probs, k, p):
    probs = np.asarray(probs, dtype=np.float64)
    V = probs.shape[0]
    order = np.argsort(-probs, kind="stable")
    m = V if (k == 0 or k >= V) else k
    kept = order[:m]
    if p < 1.0:
        q = probs[kept] / probs[kept].sum()
        cs = np.cumsum(q)
        cut = int(np.searchsorted(cs, p, side="right")) + 1
        kept = kept[: min(cut, m)]
    out = np.zeros(V)
    out[kept] = probs[kept] / probs[kept].sum()
    return out
