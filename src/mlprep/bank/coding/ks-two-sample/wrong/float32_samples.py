"""Sorts and compares the samples in float32: values 1e-9 apart across the samples become equal and the CDF steps merge."""

import numpy as np


def _pvalue(d, n, m):
    ne = n * m / (n + m)
    lam = (np.sqrt(ne) + 0.12 + 0.11 / np.sqrt(ne)) * d
    if lam < 0.2:
        return 1.0
    j = np.arange(1, 101)
    p = 2.0 * np.sum((-1.0) ** (j - 1) * np.exp(-2.0 * j**2 * lam**2))
    return float(min(1.0, max(0.0, p)))


def ks_two_sample(sample_a, sample_b):
    a = np.sort(np.asarray(sample_a, dtype=np.float32))
    b = np.sort(np.asarray(sample_b, dtype=np.float32))
    n, m = a.size, b.size
    xs = np.concatenate([a, b])
    fa = np.searchsorted(a, xs, side="right") / n
    fb = np.searchsorted(b, xs, side="right") / m
    d = float(np.max(np.abs(fa - fb)))
    return d, _pvalue(d, n, m)
