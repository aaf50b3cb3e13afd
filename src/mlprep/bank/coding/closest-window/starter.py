def closest_window(sorted_list, n, k):
    """Return the element closest to n with up to k neighbours on each side."""
    raise NotImplementedError
