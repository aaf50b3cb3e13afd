"""Sorts the caller's score and label arrays in place before ranking them."""

import numpy as np


def precision_recall_at_k(scores, labels, k):
    precs, recs = [], []
    for s, l in zip(scores, labels):
        order = np.argsort(-s, kind="stable")
        s[:] = s[order]  # sorts the caller's arrays in place
        l[:] = l[order]
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
