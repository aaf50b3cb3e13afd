"""Returns the length of the LCS (an int) instead of the subsequence itself."""


def longest_common_subsequence(string1, string2):
    n, m = len(string1), len(string2)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if string1[i - 1] == string2[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table[n][m]
