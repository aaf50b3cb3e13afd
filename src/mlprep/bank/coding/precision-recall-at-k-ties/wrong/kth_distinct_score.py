"""Takes the score at rank k among distinct scores, not counting duplicates, so the cut falls too low."""

import numpy as np


def precision_recall_at_k(scores, labels, k):
    precs, recs = [], []
    for s, l in zip(scores, labels):
        s = np.asarray(s, dtype=float)
        l = np.asarray(l)
        n = s.size
        R = int((l == 1).sum())
        if n == 0:
            precs.append(0.0)
            continue
        if n <= k:
            h = float(R)
        else:
            u = np.unique(s)[::-1]; c = u[min(k, u.size) - 1]
            above = s > c
            eq = s == c
            a = int(above.sum())
            ra = int(l[above].sum())
            g = int(eq.sum())
            rg = int(l[eq].sum())
            h = ra + rg * (k - a) / g
        precs.append(h / k)
        if R > 0:
            recs.append(h / R)
    p = float(np.mean(precs)) if precs else 0.0
    r = float(np.mean(recs)) if recs else 0.0
    return (p, r)
