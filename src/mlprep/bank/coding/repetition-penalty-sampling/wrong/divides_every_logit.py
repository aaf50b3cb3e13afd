"""Divides every seen token's logit by theta, so a negative logit moves towards 0 and the penalised token becomes more likely."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    z = np.array(logits, dtype=float)
    out = []
    for i in range(z.shape[0]):
        row = z[i]
        seen = np.unique(np.asarray(generated[i], dtype=np.int64))
        row[seen] = row[seen] / repetition_penalty
        if temperature == 0:
            out.append(int(np.argmax(row)))
            continue
        s = row / temperature
        p = np.exp(s - s.max())
        out.append(int(np.searchsorted(np.cumsum(p / p.sum()), uniforms[i], side="right")))
    return out
