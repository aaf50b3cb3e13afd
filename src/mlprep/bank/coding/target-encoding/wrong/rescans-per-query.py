"""Rescans the whole training set for every query: O(n * q), too slow for large inputs."""


def target_encode(train_categories, train_targets, query_categories, m):
    targets = [float(y) for y in train_targets]
    prior = sum(targets) / len(targets)
    encoded = []
    for query in query_categories:
        count = 0
        total = 0.0
        for category, y in zip(train_categories, targets, strict=True):
            if category == query:
                count += 1
                total += y
        encoded.append((total + m * prior) / (count + m) if count else prior)
    return encoded
