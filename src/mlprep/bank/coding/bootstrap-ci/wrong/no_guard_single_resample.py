"""Interpolates towards s[floor(h) + 1] without a guard: with B = 1 that index is past the end."""

import math


def _quantile(s, p):
    h = (len(s) - 1) * p
    f = math.floor(h)
    return s[f] + (h - f) * (s[f + 1] - s[f])


def bootstrap_ci(data, resample_indices, alpha):
    xs = [float(v) for v in data]
    n = len(xs)
    means = []
    for row in resample_indices.tolist():
        means.append(math.fsum(xs[i] for i in row) / n)
    means.sort()
    return float(_quantile(means, alpha / 2)), float(_quantile(means, 1 - alpha / 2))
