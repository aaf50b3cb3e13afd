"""De-duplicates with `in` on lists, which is quadratic and too slow for long inputs."""


def jaccard_similarity(tokens_a, tokens_b):
    unique_a: list = []
    for token in tokens_a:
        if token not in unique_a:
            unique_a.append(token)
    unique_b: list = []
    for token in tokens_b:
        if token not in unique_b:
            unique_b.append(token)
    common = sum(1 for token in unique_a if token in unique_b)
    union = len(unique_a) + len(unique_b) - common
    if union == 0:
        return 1.0
    return common / union
