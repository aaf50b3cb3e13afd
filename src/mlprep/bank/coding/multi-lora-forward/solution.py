import numpy as np


def lora_forward(x, weight, bias, adapters, adapter_ids):
    x = np.asarray(x, dtype=float)
    ids = np.asarray(adapter_ids)
    y = x @ np.asarray(weight, dtype=float).T
    if bias is not None:
        y = y + np.asarray(bias, dtype=float)
    for k, (lora_a, lora_b, alpha) in enumerate(adapters):
        rows = ids == k  # an id of -1 matches no adapter: base model only
        if not rows.any():
            continue
        lora_a = np.asarray(lora_a, dtype=float)
        scale = alpha / lora_a.shape[0]  # alpha / r
        # x (W + s B A)^T = x W^T + s (x A^T) B^T: never form a d_out x d_in matrix per row
        y[rows] += scale * ((x[rows] @ lora_a.T) @ np.asarray(lora_b, dtype=float).T)
    return y
