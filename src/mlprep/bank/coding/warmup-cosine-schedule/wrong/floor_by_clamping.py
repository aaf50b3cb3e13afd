"""Decays from the peak to zero and then clamps at min_lr, instead of scaling the cosine into [min_lr, base_lr]."""

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=np.int64)
    out = np.full(s.shape, float(min_lr))
    w, t = int(warmup_steps), int(total_steps)
    warm = s < w
    out[warm] = base_lr * s[warm] / w
    decay = (s >= w) & (s < t)
    progress = (s[decay] - w) / (t - w)
    out[decay] = np.maximum(0.5 * base_lr * (1.0 + np.cos(np.pi * progress)), min_lr)
    return out
