"""Uses `in` and list.index, which are linear scans, so the large tests time out."""


def search_sorted(nums, target):
    if target in nums:
        return nums.index(target)
    return -1
