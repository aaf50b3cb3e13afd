def longest_common_subsequence(string1, string2):
    n, m = len(string1), len(string2)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, above = table[i], table[i - 1]
        char = string1[i - 1]
        for j in range(1, m + 1):
            if char == string2[j - 1]:
                row[j] = above[j - 1] + 1
            else:
                row[j] = row[j - 1] if row[j - 1] > above[j] else above[j]
    chars = []
    i, j = n, m
    while i > 0 and j > 0:
        if string1[i - 1] == string2[j - 1]:
            chars.append(string1[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(chars))
