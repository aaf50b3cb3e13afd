"""Uses the standard library's bisect module, which this problem bans."""
from bisect import bisect_left


def search_sorted(nums, target):
    i = bisect_left(nums, target)
    return i if i < len(nums) and nums[i] == target else -1
