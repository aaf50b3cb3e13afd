"""Sends unseen categories through the formula with count 0, which divides by zero when m = 0."""

def target_encode(train_categories, train_targets, query_categories, m):
    counts = {}
    sums = {}
    total = 0.0
    for c, y in zip(train_categories, train_targets):
        y = float(y)
        counts[c] = counts.get(c, 0) + 1
        sums[c] = sums.get(c, 0.0) + y
        total += y
    prior = total / len(train_categories)
    out = []
    for q in query_categories:
        out.append((sums.get(q, 0.0) + m * prior) / (counts.get(q, 0) + m))
    return out
