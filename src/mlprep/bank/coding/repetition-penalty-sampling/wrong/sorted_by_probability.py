"""Sorts the tokens by probability (highest first) before taking cumulative sums, as nucleus-sampling code does; the draw then maps to a different token."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    z = np.array(logits, dtype=float)
    out = []
    for i in range(z.shape[0]):
        row = z[i]
        seen = np.unique(np.asarray(generated[i], dtype=np.int64))
        if seen.size:
            v = row[seen]
            row[seen] = np.where(v > 0, v / repetition_penalty, v * repetition_penalty)
        if temperature == 0:
            out.append(int(np.argmax(row)))
            continue
        s = row / temperature
        p = np.exp(s - s.max())
        p /= p.sum()
        order = np.argsort(-p, kind="stable")
        k = int(np.searchsorted(np.cumsum(p[order]), uniforms[i], side="right"))
        out.append(int(order[min(k, len(order) - 1)]))
    return out
