"""Merges with str.replace on space-joined tokens, which matches across token boundaries."""

from itertools import pairwise


def _apply(tokens, pair):
    left, right = pair
    return " ".join(tokens).replace(f"{left} {right}", left + right).split(" ")


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
        tokens = _apply(tokens, pair) if tokens else tokens
    return merges, tokens
