"""Decays with amplitude base_lr / 2 instead of (base_lr - min_lr) / 2: the peak overshoots to base_lr + min_lr."""

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps).astype(np.float64)
    out = np.full(s.shape, float(min_lr), dtype=np.float64)
    W, T = int(warmup_steps), int(total_steps)
    warm = s < W
    if W > 0:
        out[warm] = base_lr * s[warm] / W
    dec = (s >= W) & (s < T)
    if T > W:
        u = (s[dec] - W) / (T - W)
        out[dec] = min_lr + 0.5 * base_lr * (1.0 + np.cos(np.pi * u))
    return out
