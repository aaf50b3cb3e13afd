"""Penalises every token seen by any sequence in the batch, not only the row's own history."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    z = np.array(logits, dtype=float)
    b, v = z.shape
    if b == 0:
        return []
    mask = np.zeros((b, v), dtype=bool)
    for toks in generated:
        for t in set(toks):
            mask[:, t] = True
    pen = np.where(z > 0, z / repetition_penalty, z * repetition_penalty)
    z = np.where(mask, pen, z)
    if temperature == 0:
        return [int(k) for k in z.argmax(axis=1)]
    s = z / temperature
    s -= s.max(axis=1, keepdims=True)
    e = np.exp(s)
    c = np.cumsum(e, axis=1) / e.sum(axis=1, keepdims=True)
    u = np.asarray(uniforms, dtype=float)[:, None]
    idx = (c <= u).sum(axis=1)
    return [int(min(k, v - 1)) for k in idx]
