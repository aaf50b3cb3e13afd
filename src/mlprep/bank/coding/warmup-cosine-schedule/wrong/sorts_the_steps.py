"""Sorts the steps in place first (to walk the phases in order), which modifies the argument and returns rates in sorted order, not the input order."""

import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    steps.sort()
    w, t = int(warmup_steps), int(total_steps)
    first_decay = np.searchsorted(steps, w, side="left")
    first_floor = np.searchsorted(steps, t, side="left")
    out = np.full(len(steps), float(min_lr))
    out[:first_decay] = base_lr * steps[:first_decay] / max(w, 1)
    u = (steps[first_decay:first_floor] - w) / max(t - w, 1)
    out[first_decay:first_floor] = min_lr + 0.5 * (base_lr - min_lr) * (1.0 + np.cos(np.pi * u))
    return out
