"""Memoised recursion without raising the recursion limit: 1,000-character strings need a depth of up to 2,000."""

from functools import lru_cache


def longest_common_subsequence(string1, string2):
    @lru_cache(maxsize=None)
    def go(i, j):
        if i == len(string1) or j == len(string2):
            return ""
        if string1[i] == string2[j]:
            return string1[i] + go(i + 1, j + 1)
        a, b = go(i + 1, j), go(i, j + 1)
        return a if len(a) >= len(b) else b
    return go(0, 0)
