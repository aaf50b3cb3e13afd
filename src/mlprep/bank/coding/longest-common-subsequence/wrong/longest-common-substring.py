"""Finds the longest common substring (contiguous) instead of subsequence."""


def longest_common_subsequence(string1, string2):
    n, m = len(string1), len(string2)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    best, end = 0, 0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if string1[i - 1] == string2[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
                if table[i][j] > best:
                    best, end = table[i][j], i
    return string1[end - best : end]
