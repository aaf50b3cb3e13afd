"""Drops only the oldest position when the cache is over the window; caches handed in longer than the window stay too long."""

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
    if window is not None and K.shape[1] > window:
        K, V = K[:, 1:, :], V[:, 1:, :]  # the cache is full: drop the oldest
    s = (q @ K.transpose(0, 2, 1)) / np.sqrt(dh)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).reshape(d), K, V
