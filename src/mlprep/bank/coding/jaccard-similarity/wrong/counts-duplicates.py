"""Counts repeated tokens (multiset sizes) in the union instead of using sets."""


def jaccard_similarity(tokens_a, tokens_b):
    common = len(set(tokens_a) & set(tokens_b))
    union = len(tokens_a) + len(tokens_b) - common
    if union == 0:
        return 1.0
    return common / union
