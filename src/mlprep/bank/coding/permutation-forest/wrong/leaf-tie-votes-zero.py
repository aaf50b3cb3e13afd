"""A tree whose remaining rows are split evenly votes 0 instead of 1."""
from itertools import permutations


def permutation_forest(df, new_point):
    features = list(df.columns[:-1])
    wanted = dict(zip(features, new_point))
    votes_for_one = 0
    trees = 0
    for order in permutations(features):
        rows = df
        for column in order:
            kept = rows[rows[column] == wanted[column]]
            if kept.empty:
                break
            rows = kept
        votes_for_one += 1 if rows["target"].mean() > 0.5 else 0
        trees += 1
    return 1 if 2 * votes_for_one >= trees else 0
