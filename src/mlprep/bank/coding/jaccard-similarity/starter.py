def jaccard_similarity(tokens_a, tokens_b):
    """Return |A & B| / |A | B| for the token sets; 1.0 when both are empty."""
    raise NotImplementedError
