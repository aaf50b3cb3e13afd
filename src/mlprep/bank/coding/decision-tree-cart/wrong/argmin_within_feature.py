"""Takes np.argmin of a feature's scores: thresholds whose scores are equal up to
rounding are not treated as ties, so a larger threshold 1e-16 lower wins."""

import numpy as np

TIE = 1e-12  # weighted Gini scores closer than this are equal


def _majority(y):
    labels, counts = np.unique(y, return_counts=True)  # labels sorted ascending
    return int(labels[np.argmax(counts)])  # argmax takes the first, i.e. smallest, label


def _best_split(X, y):
    """(feature, threshold) with the lowest weighted Gini, or None when no split exists."""
    n = len(y)
    classes, codes = np.unique(y, return_inverse=True)
    onehot = np.eye(len(classes))[codes]
    best = None  # (score, feature, threshold)
    for f in range(X.shape[1]):
        order = np.argsort(X[:, f], kind="stable")
        xs = X[order, f]
        left = np.cumsum(onehot[order], axis=0)[:-1]  # class counts of the first i + 1 rows
        cut = np.nonzero(xs[1:] > xs[:-1])[0]  # split between rows i and i + 1
        if len(cut) == 0:
            continue
        n_left = (cut + 1).astype(float)
        cl = left[cut]
        cr = left[-1] + onehot[order[-1]] - cl
        gini_l = 1.0 - np.sum((cl / n_left[:, None]) ** 2, axis=1)
        gini_r = 1.0 - np.sum((cr / (n - n_left)[:, None]) ** 2, axis=1)
        scores = (n_left * gini_l + (n - n_left) * gini_r) / n
        i = int(np.argmin(scores))
        # the smallest threshold among this feature's near-minimal scores
        if best is None or scores[i] < best[0] - TIE:
            best = (scores[i], f, (xs[cut[i]] + xs[cut[i] + 1]) / 2)
    return None if best is None else best[1:]


def _grow(X, y, depth, max_depth):
    split = None
    if depth < max_depth and len(np.unique(y)) > 1:
        split = _best_split(X, y)
    if split is None:
        return _majority(y)
    f, t = split
    go_left = X[:, f] <= t
    return (
        f,
        t,
        _grow(X[go_left], y[go_left], depth + 1, max_depth),
        _grow(X[~go_left], y[~go_left], depth + 1, max_depth),
    )


def decision_tree_predict(X_train, y_train, X_test, max_depth):
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    tree = _grow(X_train, y_train, 0, max_depth)
    out = []
    for x in np.asarray(X_test, dtype=float).reshape(-1, X_train.shape[1]):
        node = tree
        while isinstance(node, tuple):
            f, t, left, right = node
            node = left if x[f] <= t else right
        out.append(node)
    return out
