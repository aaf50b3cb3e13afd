"""Multiplies the rows by B A instead of (B A)^T: same shape when d_in = d_out, wrong values."""

import numpy as np


def lora_forward(x, weight, bias, adapters, adapter_ids):
    x = np.asarray(x, dtype=float)
    ids = np.asarray(adapter_ids)
    y = x @ np.asarray(weight, dtype=float).T
    if bias is not None:
        y = y + bias
    for k, (lora_a, lora_b, alpha) in enumerate(adapters):
        rows = ids == k
        if not rows.any():
            continue
        delta = np.asarray(lora_b, float) @ np.asarray(lora_a, float)
        if delta.shape[0] == delta.shape[1]:
            y[rows] += alpha / np.shape(lora_a)[0] * (x[rows] @ delta)
        else:
            y[rows] += alpha / np.shape(lora_a)[0] * (x[rows] @ delta.T)
    return y
