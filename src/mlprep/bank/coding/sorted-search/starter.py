def search_sorted(nums, target):
    """Return an index i with nums[i] == target, or -1 if target is not in nums."""
    raise NotImplementedError
