def target_encode(train_categories, train_targets, query_categories, m):
    targets = [float(y) for y in train_targets]
    prior = sum(targets) / len(targets)
    counts: dict = {}
    sums: dict = {}
    for category, y in zip(train_categories, targets, strict=True):
        counts[category] = counts.get(category, 0) + 1
        sums[category] = sums.get(category, 0.0) + y
    encoded = []
    for category in query_categories:
        if category in counts:
            encoded.append((sums[category] + m * prior) / (counts[category] + m))
        else:
            encoded.append(prior)
    return encoded
