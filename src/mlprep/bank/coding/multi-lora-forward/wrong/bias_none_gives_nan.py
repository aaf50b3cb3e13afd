"""Adds the bias unconditionally: bias None becomes np.asarray(None, float), a NaN that poisons every output."""

import numpy as np


def lora_forward(x, weight, bias, adapters, adapter_ids):
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(weight, dtype=np.float64)
    ids = np.asarray(adapter_ids)
    out = x @ W.T
    for k, (a, b, alpha) in enumerate(adapters):
        a = np.asarray(a, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        rows = np.nonzero(ids == k)[0]
        if rows.size == 0:
            continue
        scale = float(alpha) / a.shape[0]
        out[rows] += scale * ((x[rows] @ a.T) @ b.T)
    out = out + np.asarray(bias, dtype=np.float64)
    return out

