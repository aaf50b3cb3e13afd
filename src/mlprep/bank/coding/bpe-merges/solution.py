from itertools import pairwise


def _apply(tokens, pair):
    """Merge every occurrence of pair in tokens, scanning left to right without overlaps."""
    left, right = pair
    out = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and tokens[i] == left and tokens[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def bpe_train_encode(word_counts, num_merges, word):
    words = {w: list(w) for w in word_counts}
    merges = []
    for _ in range(num_merges):
        counts = {}
        for w, tokens in words.items():
            for pair in pairwise(tokens):
                counts[pair] = counts.get(pair, 0) + word_counts[w]
        if not counts:
            break
        # the most frequent pair; equal counts: the lexicographically smallest pair
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        words = {w: _apply(tokens, best) for w, tokens in words.items()}
    tokens = list(word)
    for pair in merges:
        tokens = _apply(tokens, pair)
    return merges, tokens
