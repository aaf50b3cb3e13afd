"""Checks nums[0] and nums[-1] first, which raises IndexError on an empty list."""

def search_sorted(nums, target):
    if target < nums[0] or target > nums[-1]:
        return -1
    lo, hi = 0, len(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return -1
