import numpy as np

P = 2**31 - 1


def count_min_sketch(stream, queries, width, hash_params, conservative):
    a = np.array([p[0] for p in hash_params], dtype=np.int64)[:, None]
    b = np.array([p[1] for p in hash_params], dtype=np.int64)[:, None]
    depth = len(hash_params)
    table = np.zeros((depth, width), dtype=np.int64)
    items = np.asarray(stream, dtype=np.int64).reshape(1, -1)
    cols = (a * items + b) % P % width  # (depth, n); a, x < 2^31 keep a*x below 2^62
    rows = np.arange(depth)
    if not conservative:
        for r in range(depth):
            table[r] += np.bincount(cols[r], minlength=width)
    else:
        # sequential: each update reads the counters the previous ones wrote
        cells = table.tolist()
        for cs in cols.T.tolist():
            est = min(cells[r][c] for r, c in enumerate(cs))
            for r, c in enumerate(cs):
                if cells[r][c] <= est:
                    cells[r][c] = est + 1
        table = np.array(cells, dtype=np.int64).reshape(depth, width)
    q = np.asarray(queries, dtype=np.int64).reshape(1, -1)
    qcols = (a * q + b) % P % width
    return [int(v) for v in table[rows[:, None], qcols].min(axis=0)] if depth else []
