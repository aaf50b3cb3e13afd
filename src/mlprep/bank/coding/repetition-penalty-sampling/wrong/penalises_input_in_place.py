"""Writes the penalty into the caller's logits array (np.asarray does not copy)."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    z = np.asarray(logits)
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
        out.append(int(np.searchsorted(np.cumsum(p / p.sum()), uniforms[i], side="right")))
    return out
