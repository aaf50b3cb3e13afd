"""Forgets the empty case: with n = 0 the mean of nothing gives nan instead of 0.0."""

import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    probs = np.asarray(probs, dtype=float)
    labels = np.asarray(labels)
    n = probs.shape[0]
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)
    correct = (pred == labels).astype(float)
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    counts = np.bincount(bins, minlength=n_bins)
    conf_sum = np.bincount(bins, weights=conf, minlength=n_bins)
    acc_sum = np.bincount(bins, weights=correct, minlength=n_bins)
    filled = counts > 0
    return float(np.abs(acc_sum[filled] - conf_sum[filled]).sum() / n) if n else float("nan")
