"""Writes the fitted values into y and returns it (changes the caller's array; int y also truncates)."""

import numpy as np


def isotonic_regression(y, w, increasing):
    sign = 1.0 if increasing else -1.0
    sums, weights, lengths = [], [], []
    for value, weight in zip(y, w):
        sums.append(sign * float(value) * float(weight))
        weights.append(float(weight))
        lengths.append(1)
        while len(sums) > 1 and sums[-2] / weights[-2] > sums[-1] / weights[-1]:
            s, t, c = sums.pop(), weights.pop(), lengths.pop()
            sums[-1] += s
            weights[-1] += t
            lengths[-1] += c
    start = 0
    for s, t, c in zip(sums, weights, lengths):
        y[start : start + c] = sign * s / t
        start += c
    return y
