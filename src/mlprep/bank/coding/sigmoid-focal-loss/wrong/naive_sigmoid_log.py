"""Computes p = 1 / (1 + exp(-x)) and log(p_t) directly: right for moderate logits, inf/nan once exp overflows or p_t underflows to 0."""

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=float)
    y = np.asarray(targets)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        p = 1.0 / (1.0 + np.exp(-x))
        pt = np.where(y == 1, p, 1.0 - p)
        s = np.where(y == 1, 1.0, -1.0)
        a = np.where(y == 1, alpha, 1.0 - alpha)
        q = 1.0 - pt
        norm = max(1, int((y == 1).sum()))
        loss = float(np.sum(-a * q**gamma * np.log(pt))) / norm
        grad = a * s * q**gamma * (gamma * pt * np.log(pt) - q) / norm
    return loss, grad
