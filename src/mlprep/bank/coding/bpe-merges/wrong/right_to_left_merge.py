"""Merges scanning right to left, so 'a a a' becomes 'a aa' instead of 'aa a'."""

from itertools import pairwise


def _apply(tokens, pair):
    left, right = pair
    out = []
    i = len(tokens) - 1
    while i >= 0:
        if i - 1 >= 0 and tokens[i - 1] == left and tokens[i] == right:
            out.append(left + right)
            i -= 2
        else:
            out.append(tokens[i])
            i -= 1
    return out[::-1]


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
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        words = {w: _apply(tokens, best) for w, tokens in words.items()}
    tokens = list(word)
    for pair in merges:
        tokens = _apply(tokens, pair)
    return merges, tokens
