"""Adds a helper column to the caller's DataFrame (and so also modifies the input)."""
from itertools import permutations


def permutation_forest(df, new_point):
    features = list(df.columns[:-1])
    wanted = dict(zip(features, new_point))
    df["is_one"] = df["target"] == 1
    votes_for_one = 0
    trees = 0
    for order in permutations(features):
        rows = df
        for column in order:
            kept = rows[rows[column] == wanted[column]]
            if kept.empty:
                break
            rows = kept
        ones = int(rows["is_one"].sum())
        votes_for_one += 1 if 2 * ones >= len(rows) else 0
        trees += 1
    return 1 if 2 * votes_for_one >= trees else 0
