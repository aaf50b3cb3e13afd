"""When the trees' votes are split evenly the forest returns 0 instead of 1."""
from itertools import permutations


def permutation_forest(df, new_point):
    features = list(df.columns[:-1])
    wanted = dict(zip(features, new_point))
    votes = []
    for order in permutations(features):
        rows = df
        for column in order:
            kept = rows[rows[column] == wanted[column]]
            if kept.empty:
                break
            rows = kept
        ones = int((rows["target"] == 1).sum())
        votes.append(1 if 2 * ones >= len(rows) else 0)
    return 1 if sum(votes) > len(votes) / 2 else 0
