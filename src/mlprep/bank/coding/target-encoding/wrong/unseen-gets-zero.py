"""Encodes categories never seen in training as 0 instead of the prior."""


def target_encode(train_categories, train_targets, query_categories, m):
    targets = [float(y) for y in train_targets]
    prior = sum(targets) / len(targets)
    counts: dict = {}
    sums: dict = {}
    for category, y in zip(train_categories, targets, strict=True):
        counts[category] = counts.get(category, 0) + 1
        sums[category] = sums.get(category, 0.0) + y
    return [
        (sums[c] + m * prior) / (counts[c] + m) if c in counts else 0.0
        for c in query_categories
    ]
