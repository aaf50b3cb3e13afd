"""Merges a new point into the previous block once, but never re-checks the block below after a merge."""

import numpy as np


def isotonic_regression(y, w, increasing):
    sign = 1.0 if increasing else -1.0
    sums, weights, lengths = [], [], []
    for value, weight in zip(np.asarray(y, dtype=float), np.asarray(w, dtype=float)):
        sums.append(sign * value * weight)
        weights.append(weight)
        lengths.append(1)
        if len(sums) > 1 and sums[-2] / weights[-2] > sums[-1] / weights[-1]:
            s, t, c = sums.pop(), weights.pop(), lengths.pop()
            sums[-1] += s
            weights[-1] += t
            lengths[-1] += c
    means = [sign * s / t for s, t in zip(sums, weights)]
    return np.repeat(np.array(means, dtype=float), np.array(lengths, dtype=np.int64))
