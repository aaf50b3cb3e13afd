"""Orders the distances with the default np.argsort (quicksort), which does not keep equal distances in index order."""

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    Xtr = np.asarray(X_train, dtype=float)
    y = np.asarray(y_train)
    out = []
    for x in X_test:
        x = np.asarray(x, dtype=float)
        d = np.sqrt(((Xtr - x) ** 2).sum(axis=1))
        nb = np.argsort(d)[:k]
        labels = y[nb]
        dists = d[nb]
        uniq, counts = np.unique(labels, return_counts=True)
        tied = uniq[counts == counts.max()]
        best = None
        for lab in tied:  # uniq is sorted, so smaller labels come first
            dm = dists[labels == lab].min()
            if best is None or dm < best[0]:
                best = (dm, lab)
        out.append(int(best[1]))
    return out
