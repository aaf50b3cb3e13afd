"""Strips whitespace from every token, so "cat " and "cat" count as the same token although tokens are compared exactly."""

def jaccard_similarity(tokens_a, tokens_b):
    a, b = {t.strip() for t in tokens_a}, {t.strip() for t in tokens_b}
    u = a | b
    return len(a & b) / len(u) if u else 1.0
