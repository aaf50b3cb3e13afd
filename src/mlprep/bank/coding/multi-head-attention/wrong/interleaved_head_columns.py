"""Splits with reshape(T, d_head, n_heads), so head h takes every n_heads-th column instead of a block."""

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    x = np.asarray(x, dtype=float)
    T, d = x.shape
    dh = d // n_heads
    def split(m):
        return m.reshape(T, dh, n_heads).transpose(2, 0, 1)  # (H, T, dh)
    Q = split(x @ np.asarray(w_q, dtype=float))
    K = split(x @ np.asarray(w_k, dtype=float))
    V = split(x @ np.asarray(w_v, dtype=float))
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    A = (w @ V).transpose(1, 2, 0).reshape(T, d)
    return A @ np.asarray(w_o, dtype=float)
