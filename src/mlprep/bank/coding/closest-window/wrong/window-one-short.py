"""Stops the slice at i + k instead of i + k + 1, so it returns only k - 1 elements after
the closest one."""


def closest_window(sorted_list, n, k):
    if not sorted_list:
        return []
    best = 0
    for i, x in enumerate(sorted_list):
        if abs(x - n) < abs(sorted_list[best] - n):
            best = i
    return sorted_list[max(0, best - k) : best + k]
