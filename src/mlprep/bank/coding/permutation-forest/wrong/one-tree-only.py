"""Builds a single tree in the given column order instead of one per ordering."""


def permutation_forest(df, new_point):
    features = list(df.columns[:-1])
    rows = df
    for column, value in zip(features, new_point):
        kept = rows[rows[column] == value]
        if kept.empty:
            break
        rows = kept
    ones = int((rows["target"] == 1).sum())
    return 1 if 2 * ones >= len(rows) else 0
