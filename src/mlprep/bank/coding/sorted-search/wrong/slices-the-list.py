"""Binary search that recurses on slices: each slice copies half of the list, so the
total cost is O(n), not O(log n): too slow on the billion-element tests."""


def search_sorted(nums, target):
    if len(nums) == 0:
        return -1
    mid = len(nums) // 2
    value = nums[mid]
    if value == target:
        return mid
    if value < target:
        found = search_sorted(nums[mid + 1 :], target)
        return -1 if found == -1 else mid + 1 + found
    return search_sorted(nums[:mid], target)
