"""Starts from sorted_list[0] without checking for an empty list."""


def closest_window(sorted_list, n, k):
    best = 0
    best_distance = abs(sorted_list[0] - n)
    for i, x in enumerate(sorted_list):
        if abs(x - n) < best_distance:
            best, best_distance = i, abs(x - n)
    return sorted_list[max(0, best - k) : best + k + 1]
