"""Loops while lo < hi with hi = len - 1, so the last remaining candidate is never
compared (misses one-element lists and targets the search closes in on last)."""


def search_sorted(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        value = nums[mid]
        if value < target:
            lo = mid + 1
        elif value > target:
            hi = mid - 1
        else:
            return mid
    return -1
