"""Scans every element with a Python loop: correct answers, but O(n) time."""


def search_sorted(nums, target):
    for i, value in enumerate(nums):
        if value == target:
            return i
        if value > target:
            break
    return -1
