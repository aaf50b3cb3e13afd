import numpy as np


def accumulate_and_clip(micro_grads, micro_sizes, max_norm):
    """Return (accumulated gradients clipped by global norm, the norm before clipping)."""
    raise NotImplementedError
