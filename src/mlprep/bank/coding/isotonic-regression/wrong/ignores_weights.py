"""Pools with plain means: every point counts as weight 1, whatever w says."""

import numpy as np


def isotonic_regression(y, w, increasing):
    sign = 1.0 if increasing else -1.0
    sums, counts = [], []
    for value in np.asarray(y, dtype=float):
        sums.append(sign * value)
        counts.append(1)
        while len(sums) > 1 and sums[-2] / counts[-2] > sums[-1] / counts[-1]:
            s, c = sums.pop(), counts.pop()
            sums[-1] += s
            counts[-1] += c
    means = [sign * s / c for s, c in zip(sums, counts)]
    return np.repeat(np.array(means, dtype=float), np.array(counts, dtype=np.int64))
