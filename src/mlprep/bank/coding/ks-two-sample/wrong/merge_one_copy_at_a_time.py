"""Merges the sorted samples one element at a time and measures the gap after each,
so between two copies of a tied value it sees a gap the CDFs never have."""

import numpy as np


def ks_two_sample(sample_a, sample_b):
    a = sorted(float(v) for v in sample_a)
    b = sorted(float(v) for v in sample_b)
    n, m = len(a), len(b)
    i = j = 0
    d = 0.0
    while i < n or j < m:
        if j >= m or (i < n and a[i] <= b[j]):
            i += 1
        else:
            j += 1
        d = max(d, abs(i / n - j / m))
    ne = n * m / (n + m)
    lam = (np.sqrt(ne) + 0.12 + 0.11 / np.sqrt(ne)) * d
    if lam < 0.2:
        return d, 1.0
    k = np.arange(1, 101)
    p = 2.0 * np.sum((-1.0) ** (k - 1) * np.exp(-2.0 * k**2 * lam**2))
    return d, float(min(1.0, max(0.0, p)))
