"""Normalises by the number of anchors with at least one positive class instead of the number of positive entries."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    x = np.asarray(logits, dtype=np.float64)
    y = np.asarray(targets)
    if x.size == 0:
        return 0.0, np.zeros(x.shape, dtype=np.float64)
    s = np.where(y == 1, 1.0, -1.0)
    a_t = np.where(y == 1, alpha, 1.0 - alpha)
    z = s * x
    p_t = _sigmoid(z)
    q = _sigmoid(-z)  # 1 - p_t
    sp = np.logaddexp(0.0, -z)  # -log p_t
    mod = q ** gamma
    norm = max(1, int(np.sum(np.any(y == 1, axis=1))))
    loss = float(np.sum(a_t * mod * sp) / norm)
    dz = -a_t * mod * (gamma * p_t * sp + q)
    return loss, s * dz / norm
