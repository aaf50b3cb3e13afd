"""Plain recursion without memoisation: correct, but exponential in the string lengths,
so it is far too slow (and recurses too deep) on long strings."""


def longest_common_subsequence(string1, string2):
    if not string1 or not string2:
        return ""
    if string1[-1] == string2[-1]:
        return longest_common_subsequence(string1[:-1], string2[:-1]) + string1[-1]
    left = longest_common_subsequence(string1[:-1], string2)
    right = longest_common_subsequence(string1, string2[:-1])
    return left if len(left) >= len(right) else right
