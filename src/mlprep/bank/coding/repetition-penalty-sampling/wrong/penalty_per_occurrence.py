"""Applies the penalty once per occurrence, so a token seen k times is scaled by theta^k."""

import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    z = np.array(logits, dtype=float)
    out = []
    for i in range(z.shape[0]):
        row = z[i]
        for t in generated[i]:
            row[t] = row[t] / repetition_penalty if row[t] > 0 else row[t] * repetition_penalty
        if temperature == 0:
            out.append(int(np.argmax(row)))
            continue
        s = row / temperature
        p = np.exp(s - s.max())
        out.append(int(np.searchsorted(np.cumsum(p / p.sum()), uniforms[i], side="right")))
    return out
