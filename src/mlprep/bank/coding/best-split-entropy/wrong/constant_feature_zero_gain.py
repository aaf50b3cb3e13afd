"""Returns (x, 0.0) for a constant feature instead of None: there is no candidate threshold."""

import numpy as np


def _H(counts):
    n = counts.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n > 0, counts / np.where(n > 0, n, 1), 0.0)
        t = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1)), 0.0)
    return -t.sum(axis=-1)


def best_split_entropy(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    n = x.size
    if n == 0:
        return None
    order = np.argsort(x, kind="stable")
    xs = x[order]
    _, yi = np.unique(y[order], return_inverse=True)
    yi = yi.reshape(-1)
    k = int(yi.max()) + 1
    onehot = np.zeros((n, k))
    onehot[np.arange(n), yi] = 1
    cum = np.cumsum(onehot, axis=0)
    ends = np.nonzero(xs[1:] != xs[:-1])[0]  # last index of each group except the last
    if ends.size == 0:
        return (float(xs[0]), 0.0)
    left = cum[ends]
    right = cum[-1] - left
    nl = ends + 1.0
    nr = n - nl
    ig = _H(cum[-1:])[0] - nl / n * _H(left) - nr / n * _H(right)
    thr = (xs[ends] + xs[ends + 1]) / 2
    best = ig.max()
    j = int(np.nonzero(ig >= best - 1e-9)[0][0])
    return (float(thr[j]), float(ig[j]))
