"""Sorts each row of probs in place to read the top entry; the caller's array is changed (and argmax then reads the sorted rows)."""

import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    n = probs.shape[0]
    if n == 0:
        return 0.0
    probs.sort(axis=1)  # in place: the top entry is now the last column
    order = np.argsort(-probs, axis=1, kind="stable")
    conf = probs[:, -1]
    pred = np.argmax(probs, axis=1)
    correct = (pred == labels).astype(float)
    b = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    tot = 0.0
    for k in range(n_bins):
        m = b == k
        if m.any():
            tot += m.sum() / n * abs(correct[m].mean() - conf[m].mean())
    return float(tot)
