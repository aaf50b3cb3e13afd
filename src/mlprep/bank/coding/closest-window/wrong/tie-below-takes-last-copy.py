"""Uses bisect_left and picks the smaller value on a tie, but takes position i - 1, the last copy of that smaller value, not its first."""

from bisect import bisect_left


def closest_window(sorted_list, n, k):
    a = sorted_list
    if not a:
        return []
    i = bisect_left(a, n)
    if i == len(a):
        best = len(a) - 1
    elif i == 0:
        best = 0
    else:
        below, above = a[i - 1], a[i]
        if above - n < n - below:
            best = i
        else:
            best = i - 1
    return a[max(0, best - k) : best + k + 1]
