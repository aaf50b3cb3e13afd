"""Warms up as eta_max * (s + 1) / W, so step 0 already gets eta_max / W and the peak arrives one step early."""

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    s = np.asarray(steps, dtype=np.int64)
    out = np.full(s.shape, float(min_lr))
    w, t = int(warmup_steps), int(total_steps)
    warm = s < w
    out[warm] = base_lr * (s[warm] + 1) / w
    decay = (s >= w) & (s < t)
    progress = (s[decay] - w) / (t - w)
    out[decay] = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * progress))
    return out
