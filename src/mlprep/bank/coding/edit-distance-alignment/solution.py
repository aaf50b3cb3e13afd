def edit_alignment(a, b):
    n, m = len(a), len(b)
    # dp[i][j]: edit distance between a[:i] and b[:j]
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        dp[i][0] = i
    for j in range(m + 1):
        dp[0][j] = j
    for i in range(1, n + 1):
        row, prev, ai = dp[i], dp[i - 1], a[i - 1]
        for j in range(1, m + 1):
            diag = prev[j - 1] + (ai != b[j - 1])
            row[j] = min(diag, prev[j] + 1, row[j - 1] + 1)
    # walk back from the corner, preferring the diagonal, then deletion, then insertion
    ops = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and dp[i][j] == dp[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            ops.append("M" if a[i - 1] == b[j - 1] else "S")
            i, j = i - 1, j - 1
        elif i > 0 and dp[i][j] == dp[i - 1][j] + 1:
            ops.append("D")
            i -= 1
        else:
            ops.append("I")
            j -= 1
    ops.reverse()
    return dp[n][m], ops
