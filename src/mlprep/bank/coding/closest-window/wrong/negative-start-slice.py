"""Slices from i - k without clipping at 0, so near the start the negative index counts
from the end of the list."""


def closest_window(sorted_list, n, k):
    if not sorted_list:
        return []
    best = 0
    for i, x in enumerate(sorted_list):
        if abs(x - n) < abs(sorted_list[best] - n):
            best = i
    return sorted_list[best - k : best + k + 1]
