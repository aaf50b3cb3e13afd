"""Sets a merged block to the weighted average of the two block means, each weighted by its last point's weight only."""

import numpy as np


def isotonic_regression(y, w, increasing):
    sign = 1.0 if increasing else -1.0
    means, lasts, lengths = [], [], []
    for value, weight in zip(np.asarray(y, dtype=float), np.asarray(w, dtype=float)):
        means.append(sign * value)
        lasts.append(weight)
        lengths.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            m2, w2, c2 = means.pop(), lasts.pop(), lengths.pop()
            m1, w1, c1 = means.pop(), lasts.pop(), lengths.pop()
            means.append((m1 * w1 + m2 * w2) / (w1 + w2))
            lasts.append(w2)
            lengths.append(c1 + c2)
    out = [sign * m for m in means]
    return np.repeat(np.array(out, dtype=float), np.array(lengths, dtype=np.int64))
