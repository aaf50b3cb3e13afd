import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    probs = np.asarray(probs, dtype=float)
    labels = np.asarray(labels)
    n = probs.shape[0]
    if n == 0:
        return 0.0
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)  # first maximum on exact ties
    correct = (pred == labels).astype(float)
    # bin b holds (b/M, (b+1)/M]; confidence 0 would go to bin 0
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    counts = np.bincount(bins, minlength=n_bins)
    conf_sum = np.bincount(bins, weights=conf, minlength=n_bins)
    acc_sum = np.bincount(bins, weights=correct, minlength=n_bins)
    filled = counts > 0
    return float(np.abs(acc_sum[filled] - conf_sum[filled]).sum() / n)
