import numpy as np


def next_tokens(logits, generated, temperature, repetition_penalty, uniforms):
    z = np.array(logits, dtype=float)  # a copy: the penalty writes into it
    out = []
    for i in range(z.shape[0]):
        row = z[i]
        seen = np.unique(np.asarray(generated[i], dtype=np.int64))  # once per distinct token
        if seen.size:
            vals = row[seen]
            row[seen] = np.where(vals > 0, vals / repetition_penalty, vals * repetition_penalty)
        if temperature == 0:
            out.append(int(np.argmax(row)))  # the first maximum: ties go to the lowest id
            continue
        scaled = row / temperature
        p = np.exp(scaled - scaled.max())
        cdf = np.cumsum(p / p.sum())
        out.append(int(np.searchsorted(cdf, uniforms[i], side="right")))  # first C_j > u
    return out
