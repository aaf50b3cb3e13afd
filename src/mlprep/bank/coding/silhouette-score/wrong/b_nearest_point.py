"""Takes b(i) as the distance to the nearest point of another cluster instead of the smallest mean distance to a cluster."""

import numpy as np


def silhouette(X, labels):
    X = np.asarray(X, dtype=float)
    lab = np.asarray(labels)
    n = X.shape[0]
    D = np.empty((n, n))
    step = 200
    for i in range(0, n, step):
        diff = X[i:i + step, None, :] - X[None, :, :]
        D[i:i + step] = np.sqrt((diff * diff).sum(-1))
    uniq, inv = np.unique(lab, return_inverse=True)
    C = len(uniq)
    s = np.zeros(n)
    if C < 2:
        return s, float(s.mean())
    onehot = np.zeros((n, C))
    onehot[np.arange(n), inv] = 1.0
    sums = D @ onehot  # (n, C)
    sizes = onehot.sum(0)
    own = sizes[inv]
    a = np.where(own > 1, sums[np.arange(n), inv] / np.maximum(own - 1, 1), 0.0)
    Dm = D.copy()
    Dm[lab[:, None] == lab[None, :]] = np.inf
    b = Dm.min(1)
    den = np.maximum(a, b)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where((own > 1) & (den > 0), (b - a) / np.where(den > 0, den, 1.0), 0.0)
    return s, float(s.mean())
