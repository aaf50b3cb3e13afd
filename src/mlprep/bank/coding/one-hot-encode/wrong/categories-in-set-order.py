"""Takes list(set(values)): the column order follows hashing (for strings it changes from run to run), not first appearance."""

import numpy as np


def one_hot_encode(values):
    cats = list(set(values))
    pos = {c: j for j, c in enumerate(cats)}
    m = np.zeros((len(values), len(cats)), dtype=int)
    for i, v in enumerate(values):
        m[i, pos[v]] = 1
    return cats, m
