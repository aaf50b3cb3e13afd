"""Divides by the union size without checking it, so two empty lists raise ZeroDivisionError."""


def jaccard_similarity(tokens_a, tokens_b):
    set_a, set_b = set(tokens_a), set(tokens_b)
    return len(set_a & set_b) / len(set_a | set_b)
