"""Leaves queries with no candidates out of the precision mean instead of scoring them 0."""

import numpy as np


def precision_recall_at_k(scores, labels, k):
    precs, recs = [], []
    for s, l in zip(scores, labels):
        s = np.asarray(s, dtype=float)
        l = np.asarray(l)
        n = s.size
        R = int((l == 1).sum())
        if n == 0:
            continue
        if n <= k:
            h = float(R)
        else:
            c = np.partition(s, n - k)[n - k]
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
