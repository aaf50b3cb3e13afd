import numpy as np


def warmup_cosine_lr(steps, base_lr, min_lr, warmup_steps, total_steps):
    """Return the learning rate at each step: linear warm-up, cosine decay, then the floor."""
    raise NotImplementedError
