"""Returns 0.0 for two empty sets instead of the stated 1.0."""


def jaccard_similarity(tokens_a, tokens_b):
    set_a, set_b = set(tokens_a), set(tokens_b)
    union = len(set_a | set_b)
    if union == 0:
        return 0.0
    return len(set_a & set_b) / union
