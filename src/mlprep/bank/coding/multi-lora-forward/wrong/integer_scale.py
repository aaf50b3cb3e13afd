"""Computes the scale as alpha // r, which truncates when an integer alpha is not a multiple of r."""

import numpy as np


def lora_forward(x, weight, bias, adapters, adapter_ids):
    x = np.asarray(x, dtype=float)
    ids = np.asarray(adapter_ids)
    y = x @ np.asarray(weight, dtype=float).T
    if bias is not None:
        y = y + bias
    for k, (lora_a, lora_b, alpha) in enumerate(adapters):
        rows = ids == k
        scale = alpha // np.shape(lora_a)[0]
        y[rows] += scale * (x[rows] @ np.asarray(lora_a, float).T @ np.asarray(lora_b, float).T)
    return y
