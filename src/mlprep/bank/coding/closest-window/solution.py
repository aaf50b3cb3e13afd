def closest_window(sorted_list, n, k):
    if not sorted_list:
        return []
    # Binary search for the first position whose value is >= n.
    lo, hi = 0, len(sorted_list)
    while lo < hi:
        mid = (lo + hi) // 2
        if sorted_list[mid] < n:
            lo = mid + 1
        else:
            hi = mid
    if lo == len(sorted_list) or (lo > 0 and n - sorted_list[lo - 1] <= sorted_list[lo] - n):
        value = sorted_list[lo - 1]
    else:
        value = sorted_list[lo]
    # The first copy of the chosen value: the first position whose value is >= value.
    lo, hi = 0, len(sorted_list)
    while lo < hi:
        mid = (lo + hi) // 2
        if sorted_list[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return list(sorted_list[max(0, lo - k) : lo + k + 1])
