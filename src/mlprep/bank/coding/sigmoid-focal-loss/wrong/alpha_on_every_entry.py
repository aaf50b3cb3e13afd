"""Multiplies every entry by alpha, positives and negatives alike, instead of 1 - alpha for the negatives."""

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets)
    s = np.where(y == 1, 1.0, -1.0)
    log_pt = -np.logaddexp(0.0, -s * x)
    q = np.exp(-np.logaddexp(0.0, s * x))
    pt = np.exp(log_pt)
    norm = max(1, int((y == 1).sum()))
    loss = float(np.sum(-alpha * q**gamma * log_pt)) / norm
    grad = alpha * s * q**gamma * (gamma * pt * log_pt - q) / norm
    return loss, grad
