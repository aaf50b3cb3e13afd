"""Divides by the number of positives without max(1, .): an image with no objects gives nan/inf."""

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets)
    s = np.where(y == 1, 1.0, -1.0)
    log_pt = -np.logaddexp(0.0, -s * x)
    q = np.exp(-np.logaddexp(0.0, s * x))
    pt = np.exp(log_pt)
    a = np.where(y == 1, alpha, 1.0 - alpha)
    if x.size == 0:
        return 0.0, np.zeros(x.shape)
    norm = float((y == 1).sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        loss = float(np.sum(-a * q**gamma * log_pt)) / norm if norm else float("nan")
        grad = a * s * q**gamma * (gamma * pt * log_pt - q) / norm
    return loss, grad
