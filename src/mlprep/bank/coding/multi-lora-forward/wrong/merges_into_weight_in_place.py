"""Merges each adapter into `weight` in place (as PEFT's merge does), runs its rows, then subtracts the update again: the base weights come back with rounding errors."""

import numpy as np


def lora_forward(x, weight, bias, adapters, adapter_ids):
    x = np.asarray(x, dtype=float)
    ids = np.asarray(adapter_ids)
    y = x @ weight.T
    if bias is not None:
        y = y + bias
    for k, (lora_a, lora_b, alpha) in enumerate(adapters):
        rows = ids == k
        if not rows.any():
            continue
        delta = (alpha / lora_a.shape[0]) * (lora_b @ lora_a)
        weight += delta
        y[rows] = x[rows] @ weight.T + (0 if bias is None else bias)
        weight -= delta
    return y
