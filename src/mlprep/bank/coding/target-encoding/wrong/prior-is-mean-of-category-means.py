"""Takes the prior as the mean of the per-category means instead of the mean over all rows."""


def target_encode(train_categories, train_targets, query_categories, m):
    targets = [float(y) for y in train_targets]
    counts: dict = {}
    sums: dict = {}
    for category, y in zip(train_categories, targets, strict=True):
        counts[category] = counts.get(category, 0) + 1
        sums[category] = sums.get(category, 0.0) + y
    means = [sums[c] / counts[c] for c in counts]
    prior = sum(means) / len(means)
    return [
        (sums[c] + m * prior) / (counts[c] + m) if c in counts else prior
        for c in query_categories
    ]
