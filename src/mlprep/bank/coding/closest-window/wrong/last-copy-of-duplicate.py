"""Breaks value ties correctly but centres the window on the last copy of a duplicated
value instead of the first."""


def closest_window(sorted_list, n, k):
    if not sorted_list:
        return []
    value = min(sorted_list, key=lambda x: (abs(x - n), x))
    best = len(sorted_list) - 1 - sorted_list[::-1].index(value)
    return sorted_list[max(0, best - k) : best + k + 1]
