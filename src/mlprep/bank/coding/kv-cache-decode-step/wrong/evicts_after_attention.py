"""Attends over window + 1 positions and cuts the caches to the window only afterwards."""

import numpy as np


def decode_step(x_new, w_q, w_k, w_v, k_cache, v_cache, n_heads, window):
    x = np.asarray(x_new, dtype=float)
    d = x.shape[0]
    dh = d // n_heads
    q = (x @ w_q).reshape(n_heads, 1, dh)
    k = (x @ w_k).reshape(n_heads, 1, dh)
    v = (x @ w_v).reshape(n_heads, 1, dh)
    K = np.concatenate([k_cache, k], axis=1)
    V = np.concatenate([v_cache, v], axis=1)
    if window is not None:
        K, V = K[:, -(window + 1):, :], V[:, -(window + 1):, :]
    s = (q @ K.transpose(0, 2, 1)) / np.sqrt(dh)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    out = (w @ V).reshape(d)
    if window is not None:
        K, V = K[:, -window:, :], V[:, -window:, :]
    return out, K, V
