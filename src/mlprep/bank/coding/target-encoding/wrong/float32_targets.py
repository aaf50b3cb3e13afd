"""Rounds every target to float32 before summing."""

import numpy as np


def target_encode(train_categories, train_targets, query_categories, m):
    counts = {}
    sums = {}
    total = 0.0
    for c, y in zip(train_categories, train_targets):
        y = float(np.float32(y))
        counts[c] = counts.get(c, 0) + 1
        sums[c] = sums.get(c, 0.0) + y
        total += y
    prior = total / len(train_categories)
    out = []
    for q in query_categories:
        if q in counts:
            out.append((sums[q] + m * prior) / (counts[q] + m))
        else:
            out.append(float(prior))
    return out
