"""Projects the queries with x W_q^T instead of x W_q (identity weights hide it)."""

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    x = np.asarray(x, dtype=float)
    T, d = x.shape
    dh = d // n_heads
    def split(m):
        return m.reshape(T, n_heads, dh).transpose(1, 0, 2)  # (H, T, dh)
    Q = split(x @ np.asarray(w_q, dtype=float).T)
    K = split(x @ np.asarray(w_k, dtype=float))
    V = split(x @ np.asarray(w_v, dtype=float))
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    A = (w @ V).transpose(1, 0, 2).reshape(T, d)
    return A @ np.asarray(w_o, dtype=float)
