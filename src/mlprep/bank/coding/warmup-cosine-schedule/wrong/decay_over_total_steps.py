"""Measures the cosine progress as s / T over the whole run, so the rate drops below the peak right after warm-up and never reaches the floor."""

import math

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    out = []
    for s in steps:
        s = int(s)
        if s < warmup_steps:
            out.append(base_lr * s / warmup_steps)
        elif s < total_steps:
            u = s / total_steps
            out.append(min_lr + 0.5 * (base_lr - min_lr) * (1 + math.cos(math.pi * u)))
        else:
            out.append(min_lr)
    return np.array(out, dtype=float)
