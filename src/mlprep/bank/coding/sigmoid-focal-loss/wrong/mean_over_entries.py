"""Averages over all N * C entries instead of dividing by the number of positive anchors."""

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets)
    s = np.where(y == 1, 1.0, -1.0)
    log_pt = -np.logaddexp(0.0, -s * x)
    q = np.exp(-np.logaddexp(0.0, s * x))
    pt = np.exp(log_pt)
    a = np.where(y == 1, alpha, 1.0 - alpha)
    norm = max(1, x.size)
    loss = float(np.sum(-a * q**gamma * log_pt)) / norm
    grad = a * s * q**gamma * (gamma * pt * log_pt - q) / norm
    return loss, grad
