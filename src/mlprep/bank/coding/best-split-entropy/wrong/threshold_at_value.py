"""Places the threshold at the lower value v_j instead of the midpoint (v_j + v_j+1) / 2."""

import math
from collections import Counter


def _entropy(labels):
    n = len(labels)
    if n == 0:
        return 0.0
    h = 0.0
    for c in Counter(labels).values():
        p = c / n
        h -= p * math.log2(p)
    return h


def best_split_entropy(x, y):
    xs = [float(v) for v in x]
    ys = [int(v) for v in y]
    n = len(xs)
    vals = sorted(set(xs))
    if len(vals) < 2:
        return None
    hd = _entropy(ys)
    cands = []
    for a, b in zip(vals, vals[1:]):
        t = a
        L = [ys[i] for i in range(n) if xs[i] <= t]
        R = [ys[i] for i in range(n) if xs[i] > t]
        ig = hd - len(L) / n * _entropy(L) - len(R) / n * _entropy(R)
        cands.append((t, ig))
    top = max(g for _, g in cands)
    for t, g in cands:
        if g >= top - 1e-9:
            return (t, g)
