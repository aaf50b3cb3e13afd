"""Keeps evaluating the cosine after total_steps, so an extended run climbs back towards the peak instead of holding the floor."""

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=np.int64)
    w, t = int(warmup_steps), int(total_steps)
    out = np.empty(s.shape, dtype=float)
    warm = s < w
    out[warm] = base_lr * s[warm] / w
    rest = ~warm
    if t > w:
        u = (s[rest] - w) / (t - w)
        out[rest] = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * u))
    else:
        out[rest] = min_lr
    return out
