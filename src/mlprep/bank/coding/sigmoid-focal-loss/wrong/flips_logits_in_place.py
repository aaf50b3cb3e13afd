"""Negates the logits of the negatives in place to get z = s x, which modifies the caller's float array."""

import numpy as np


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=np.float64)  # no copy when already float64
    y = np.asarray(targets)
    if x.size == 0:
        return 0.0, np.zeros(x.shape)
    neg = y == 0
    x[neg] *= -1.0  # z = s x, in place
    z = x
    a_t = np.where(y == 1, alpha, 1.0 - alpha)
    p_t = np.exp(-np.logaddexp(0.0, -z))
    q = np.exp(-np.logaddexp(0.0, z))
    sp = np.logaddexp(0.0, -z)
    mod = q ** gamma
    norm = max(1, int(np.sum(y == 1)))
    loss = float(np.sum(a_t * mod * sp) / norm)
    dz = -a_t * mod * (gamma * p_t * sp + q)
    return loss, np.where(neg, -dz, dz) / norm
