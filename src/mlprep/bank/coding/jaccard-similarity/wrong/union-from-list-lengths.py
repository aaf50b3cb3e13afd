"""Takes the union size from the list lengths, len(a) + len(b) - |A & B|, so repeats inflate the union."""

def jaccard_similarity(tokens_a, tokens_b):
    a, b = set(tokens_a), set(tokens_b)
    inter = len(a & b)
    union = len(tokens_a) + len(tokens_b) - inter
    return inter / union if union else 1.0
