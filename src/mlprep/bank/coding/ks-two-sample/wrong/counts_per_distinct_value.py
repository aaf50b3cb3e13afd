"""Counts the values <= x by scanning both samples for every distinct x: O((n + m)^2), far over the time limit at 50,000 values."""

import math


def ks_two_sample(sample_a, sample_b):
    a = [float(v) for v in sample_a]
    b = [float(v) for v in sample_b]
    n, m = len(a), len(b)
    d = 0.0
    for x in set(a) | set(b):
        fa = sum(1 for v in a if v <= x) / n
        fb = sum(1 for v in b if v <= x) / m
        d = max(d, abs(fa - fb))
    ne = n * m / (n + m)
    lam = (math.sqrt(ne) + 0.12 + 0.11 / math.sqrt(ne)) * d
    if lam < 0.2:
        return d, 1.0
    p = 2.0 * sum((-1) ** (k - 1) * math.exp(-2.0 * k * k * lam * lam) for k in range(1, 101))
    return d, min(1.0, max(0.0, p))
