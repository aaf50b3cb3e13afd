"""Splits heads with reshape(n_heads, T, d_head), which mixes rows of different tokens into one head."""

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    x = np.asarray(x, dtype=float)
    t, d_model = x.shape
    d_head = d_model // n_heads

    def split(m):
        return m.reshape(n_heads, t, d_head)

    q, k, v = split(x @ w_q), split(x @ w_k), split(x @ w_v)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d_head)
    if causal:
        scores = np.where(np.triu(np.ones((t, t), dtype=bool), k=1), -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    merged = (weights @ v).reshape(t, d_model)
    return merged @ w_o
