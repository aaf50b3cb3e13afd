"""Convolves with a box of ones: np.convolve is a direct O(n * w) loop, slower still than
a sliding-window sum on a window of 300,000."""

import numpy as np


def moving_average(values, window):
    v = np.asarray(values, dtype=float)
    if v.size < window:
        return []
    return np.convolve(v, np.ones(window), mode="valid") / window
