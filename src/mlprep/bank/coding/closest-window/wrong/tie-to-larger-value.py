"""Scans with <=, so an equal distance moves the choice to the later, larger value
(and to the last copy of a duplicate)."""


def closest_window(sorted_list, n, k):
    if not sorted_list:
        return []
    best = 0
    for i, x in enumerate(sorted_list):
        if abs(x - n) <= abs(sorted_list[best] - n):
            best = i
    return sorted_list[max(0, best - k) : best + k + 1]
