"""Interpolation search: O(log log n) on evenly spread values, but one far outlier makes it advance one element per step."""

def search_sorted(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi and nums[lo] <= target <= nums[hi]:
        if nums[hi] == nums[lo]:
            return lo if nums[lo] == target else -1
        pos = lo + (target - nums[lo]) * (hi - lo) // (nums[hi] - nums[lo])
        v = nums[pos]
        if v == target:
            return pos
        if v < target:
            lo = pos + 1
        else:
            hi = pos - 1
    return -1
