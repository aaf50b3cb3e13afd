"""Indexes with np.unique(generated[i]) unguarded: for an empty history that is a float array, and NumPy refuses it as an index."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    logits = np.asarray(logits, dtype=np.float64)
    out = []
    for i in range(logits.shape[0]):
        z = logits[i].copy()
        seen = np.unique(generated[i])
        v = z[seen]
        z[seen] = np.where(v > 0, v / repetition_penalty, v * repetition_penalty)
        if temperature == 0:
            out.append(int(np.argmax(z)))
        else:
            s = z / temperature
            s = s - s.max()
            p = np.exp(s)
            p /= p.sum()
            c = np.cumsum(p)
            j = int(np.searchsorted(c, uniforms[i], side="right"))
            out.append(min(j, z.size - 1))
    return out
