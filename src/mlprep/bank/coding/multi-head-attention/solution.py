import numpy as np


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal):
    x = np.asarray(x, dtype=float)
    t, d_model = x.shape
    d_head = d_model // n_heads

    def split(m):
        # (T, d_model) -> (heads, T, d_head): head h owns columns h*d_head:(h+1)*d_head
        return m.reshape(t, n_heads, d_head).transpose(1, 0, 2)

    q = split(x @ np.asarray(w_q, dtype=float))
    k = split(x @ np.asarray(w_k, dtype=float))
    v = split(x @ np.asarray(w_v, dtype=float))
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d_head)
    if causal:
        future = np.triu(np.ones((t, t), dtype=bool), k=1)
        scores = np.where(future, -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = weights @ v
    merged = heads.transpose(1, 0, 2).reshape(t, d_model)
    return merged @ np.asarray(w_o, dtype=float)
