"""Treats (1 - p_t)^gamma as a constant when differentiating (like a detached weight): the gradient misses the gamma * p_t * log p_t term."""

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets)
    s = np.where(y == 1, 1.0, -1.0)
    log_pt = -np.logaddexp(0.0, -s * x)
    q = np.exp(-np.logaddexp(0.0, s * x))
    a = np.where(y == 1, alpha, 1.0 - alpha)
    norm = max(1, int((y == 1).sum()))
    loss = float(np.sum(-a * q**gamma * log_pt)) / norm
    p = np.exp(-np.logaddexp(0.0, -x))
    grad = a * q**gamma * (p - y) / norm
    return loss, grad
