"""Sets lo = mid (not mid + 1) when the middle is smaller, so a two-element window never shrinks."""

def search_sorted(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[mid] < target:
            lo = mid
        else:
            hi = mid - 1
        if lo == hi and nums[lo] != target:
            return -1
    return -1
