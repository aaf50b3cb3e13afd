"""Allocates the merged heads with np.zeros_like(x): an integer x truncates every head's output."""

import math

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    xf = np.array(x, dtype=np.float64)
    Q = xf @ np.array(w_q, dtype=np.float64)
    K = xf @ np.array(w_k, dtype=np.float64)
    V = xf @ np.array(w_v, dtype=np.float64)
    T, d = Q.shape
    dh = d // n_heads
    merged = np.zeros_like(np.asarray(x))
    scale = 1.0 / math.sqrt(dh)
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        qh, kh, vh = Q[:, cols], K[:, cols], V[:, cols]
        for i in range(T):
            last = i + 1 if causal else T
            scores = [float(qh[i] @ kh[j]) * scale for j in range(last)]
            m = max(scores)
            ex = [math.exp(s - m) for s in scores]
            tot = math.fsum(ex)
            row = np.zeros(dh)
            for j in range(last):
                row += (ex[j] / tot) * vh[j]
            merged[i, cols] = row
    return merged @ np.asarray(w_o)
