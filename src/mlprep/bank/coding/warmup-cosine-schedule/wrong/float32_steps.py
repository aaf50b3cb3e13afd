"""Converts the steps to float32: the progress loses digits (beyond 1e-9 relative) and large steps round."""

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps).astype(np.float32)
    out = np.full(s.shape, float(min_lr), dtype=np.float64)
    W, T = int(warmup_steps), int(total_steps)
    warm = s < W
    if W > 0:
        out[warm] = base_lr * s[warm] / W
    dec = (s >= W) & (s < T)
    if T > W:
        u = (s[dec] - W) / (T - W)
        out[dec] = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * u))
    return out
