"""Forgets the a(i) = b(i) = 0 case: 0 / 0 gives NaN for points that coincide with points of another cluster."""

import math
import numpy as np


def silhouette(X, labels):
    X = np.asarray(X, dtype=float)
    labs = [int(v) for v in labels]
    n = len(labs)
    members = {}
    for i, l in enumerate(labs):
        members.setdefault(l, []).append(i)
    idx = {l: np.array(v) for l, v in members.items()}
    out = np.zeros(n)
    if len(members) == 1:
        return out, float(out.mean())
    for i in range(n):
        li = labs[i]
        if len(members[li]) == 1:
            continue
        d = np.sqrt(((X - X[i]) ** 2).sum(axis=1))
        a = (d[idx[li]].sum()) / (len(members[li]) - 1)
        b = min(d[v].mean() for l, v in idx.items() if l != li)
        out[i] = (b - a) / max(a, b)
    return out, float(np.mean(out))
