"""Takes the plain mean over kept positions, which is NaN (0 / 0) when every position is padding, as PyTorch's mean reduction does."""

import numpy as np


def label_smoothed_cross_entropy(logits, targets, epsilon, ignore_index):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets)
    n, k = z.shape
    valid = t != ignore_index
    count = valid.sum()
    m = z.max(axis=1, keepdims=True) if n else np.zeros((0, 1))
    log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    q = np.full(z.shape, epsilon / k)
    q[np.arange(n), np.where(valid, t, 0)] += 1.0 - epsilon
    per = -(q * log_p).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        loss = float(per[valid].sum() / count)
        grad = np.where(valid[:, None], np.exp(log_p) - q, 0.0) / count
    return loss, grad
