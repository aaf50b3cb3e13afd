"""Keeps a running best and replaces it only when beaten by more than 1e-9, so a chain of near-ties drifts past the smallest threshold within 1e-9 of the lowest score."""

def _gini(labels):
    m = len(labels)
    if m == 0:
        return 0.0
    counts = {}
    for c in labels:
        counts[c] = counts.get(c, 0) + 1
    return 1.0 - sum((v / m) ** 2 for v in counts.values())


def best_split_gini(x, y):
    xs = [float(v) for v in x]
    ys = [int(v) for v in y]
    n = len(xs)
    vals = sorted(set(xs))
    if len(vals) < 2:
        return None
    cands = []
    for a, b in zip(vals, vals[1:]):
        t = (a + b) / 2
        L = [c for v, c in zip(xs, ys) if v <= t]
        R = [c for v, c in zip(xs, ys) if v > t]
        s = len(L) / n * _gini(L) + len(R) / n * _gini(R)
        cands.append((t, s))
    best = cands[0]
    for t, s in cands[1:]:
        if s < best[1] - 1e-9:
            best = (t, s)
    return best
