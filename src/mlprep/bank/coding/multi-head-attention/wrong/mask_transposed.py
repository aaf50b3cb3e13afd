"""Masks the lower triangle (the past) instead of the future: np.tril(k=-1) where np.triu(k=1) belongs."""

import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    x = np.asarray(x, dtype=float)
    t, d_model = x.shape
    d_head = d_model // n_heads

    def split(m):
        return m.reshape(t, n_heads, d_head).transpose(1, 0, 2)

    q, k, v = split(x @ w_q), split(x @ w_k), split(x @ w_v)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d_head)
    if causal:
        scores = np.where(np.tril(np.ones((t, t), dtype=bool), k=-1), -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    merged = (weights @ v).transpose(1, 0, 2).reshape(t, d_model)
    return merged @ w_o
