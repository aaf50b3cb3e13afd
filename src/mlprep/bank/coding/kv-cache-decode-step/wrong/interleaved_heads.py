"""Splits heads by reshape(d_head, n_heads).T, giving head h every n_heads-th entry instead of a contiguous block."""

import numpy as np


def decode_step(x_new, w_q, w_k, w_v, k_cache, v_cache, n_heads, window):
    x = np.asarray(x_new, dtype=float)
    d_model = x.shape[0]
    d_head = d_model // n_heads
    q = (x @ np.asarray(w_q, dtype=float)).reshape(d_head, n_heads).T.reshape(n_heads, 1, d_head)
    k = (x @ np.asarray(w_k, dtype=float)).reshape(d_head, n_heads).T.reshape(n_heads, 1, d_head)
    v = (x @ np.asarray(w_v, dtype=float)).reshape(d_head, n_heads).T.reshape(n_heads, 1, d_head)
    keys = np.concatenate([np.asarray(k_cache, dtype=float).reshape(n_heads, -1, d_head), k], axis=1)
    values = np.concatenate([np.asarray(v_cache, dtype=float).reshape(n_heads, -1, d_head), v], axis=1)
    if window is not None:
        keys, values = keys[:, -window:], values[:, -window:]
    scores = (q @ keys.transpose(0, 2, 1))[:, 0, :] / np.sqrt(d_head)  # (heads, t)
    scores -= scores.max(axis=1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=1, keepdims=True)
    out = np.einsum("ht,htd->hd", weights, values).T.reshape(d_model)
    return out, keys.copy(), values.copy()
