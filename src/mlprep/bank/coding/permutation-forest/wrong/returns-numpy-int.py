"""Counts the votes with NumPy and returns a NumPy int64 instead of the Python int the prompt asks for."""

from itertools import permutations

import numpy as np


def permutation_forest(df, new_point):
    features = list(df.columns[:-1])
    point = dict(zip(features, new_point))
    votes = []
    for order in permutations(features):
        rows = df
        for col in order:
            kept = rows[rows[col] == point[col]]
            if len(kept) == 0:
                break
            rows = kept
        labels = rows["target"].to_numpy()
        votes.append(np.int64(2 * labels.sum() >= len(labels)))
    votes = np.array(votes)
    return np.int64(2 * votes.sum() >= len(votes))
