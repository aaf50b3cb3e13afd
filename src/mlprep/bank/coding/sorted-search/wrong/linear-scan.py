"""Scans every element with a Python loop: correct answers, but O(n) time, too slow on
the billion-element tests."""


def search_sorted(nums, target):
    for i, value in enumerate(nums):
        if value == target:
            return i
        if value > target:
            break
    return -1
