"""Conservative update that re-reads the minimum after raising each row, instead of taking it once before the update."""

P = 2**31 - 1


def count_min_sketch(stream, queries, width, hash_params, conservative):
    d = len(hash_params)
    table = [[0] * width for _ in range(d)]

    def cols(x):
        return [((a * x + b) % P) % width for a, b in hash_params]

    for x in stream:
        cs = cols(x)
        if conservative:
            # bug: the minimum is re-read after each row is raised
            for r, c in enumerate(cs):
                e = min(table[rr][cc] for rr, cc in enumerate(cs))
                table[r][c] = max(table[r][c], e + 1)
        else:
            for r, c in enumerate(cs):
                table[r][c] += 1
    return [min(table[r][c] for r, c in enumerate(cols(q))) for q in queries]
