def longest_common_subsequence(string1, string2):
    """Return one longest common subsequence of the two strings ("" if none)."""
    raise NotImplementedError
