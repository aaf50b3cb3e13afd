"""Exponentiates z / T directly: fine at T = 1, inf/nan once a logit divided by a small temperature passes ~709."""

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
        with np.errstate(over="ignore", invalid="ignore"):
            p = np.exp(row / temperature)
            cdf = np.cumsum(p / p.sum())
        out.append(min(int(np.searchsorted(cdf, uniforms[i], side="right")), len(row) - 1))
    return out
