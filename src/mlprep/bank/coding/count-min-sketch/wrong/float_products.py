"""Computes a x + b in floating point: above 2^53 the product is rounded and ids near 2^31 land in the wrong column."""

P = 2**31 - 1


def count_min_sketch(stream, queries, width, hash_params, conservative):
    d = len(hash_params)
    table = [[0] * width for _ in range(d)]

    def cols(x):
        return [int((float(a) * x + b) % P) % width for a, b in hash_params]

    for x in stream:
        cs = cols(x)
        if conservative:
            e = min(table[r][c] for r, c in enumerate(cs))
            for r, c in enumerate(cs):
                table[r][c] = max(table[r][c], e + 1)
        else:
            for r, c in enumerate(cs):
                table[r][c] += 1
    return [min(table[r][c] for r, c in enumerate(cols(q))) for q in queries]
