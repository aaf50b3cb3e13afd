"""Casts the pooled values to int, dropping the decimals of every permuted mean."""

import numpy as np


def permutation_test(a, b, permutations):
    a = np.asarray(a)
    b = np.asarray(b)
    na = len(a)
    T = float(a.mean() - b.mean())
    pooled = np.concatenate([a, b]).astype(int)
    P = np.asarray(permutations)
    g = pooled[P]
    Ts = g[:, :na].mean(axis=1) - g[:, na:].mean(axis=1)
    k = int(np.sum(np.abs(Ts) >= abs(T) - 1e-9))
    return T, float((1 + k) / (1 + len(P)))
