"""Places the p-quantile at h = B p instead of (B - 1) p."""

import math


def _quantile(s, p):
    h = len(s) * p
    f = math.floor(h)
    if f + 1 >= len(s):
        return s[-1]
    return s[f] + (h - f) * (s[f + 1] - s[f])


def bootstrap_ci(data, resample_indices, alpha):
    xs = [float(v) for v in data]
    n = len(xs)
    means = []
    for row in resample_indices.tolist():
        means.append(math.fsum(xs[i] for i in row) / n)
    means.sort()
    return float(_quantile(means, alpha / 2)), float(_quantile(means, 1 - alpha / 2))
