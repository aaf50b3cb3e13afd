"""Projects with W x (that is x W^T) instead of x W."""

import numpy as np


def decode_step(x_new, w_q, w_k, w_v, k_cache, v_cache, n_heads, window):
    x = np.asarray(x_new, dtype=float)
    d = x.shape[0]
    dh = d // n_heads
    q = (w_q @ x).reshape(n_heads, 1, dh)
    k = (w_k @ x).reshape(n_heads, 1, dh)
    v = (w_v @ x).reshape(n_heads, 1, dh)
    K = np.concatenate([np.asarray(k_cache, dtype=float).reshape(n_heads, -1, dh), k], axis=1)
    V = np.concatenate([np.asarray(v_cache, dtype=float).reshape(n_heads, -1, dh), v], axis=1)
    if window is not None:
        K = K[:, -window:, :].copy()
        V = V[:, -window:, :].copy()
    s = (q @ K.transpose(0, 2, 1)) / np.sqrt(dh)  # (h, 1, t')
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    out = (w @ V).reshape(d)
    return out, K, V
