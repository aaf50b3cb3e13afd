"""Lower-cases every token, so "Apple" and "apple" count as the same token."""

def jaccard_similarity(tokens_a, tokens_b):
    a, b = {t.lower() for t in tokens_a}, {t.lower() for t in tokens_b}
    u = a | b
    return len(a & b) / len(u) if u else 1.0
