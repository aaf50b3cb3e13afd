"""Breaks count ties by the concatenated string left + right instead of comparing (left, right) as a pair."""

def _apply(toks, pair):
    a, b = pair
    out = []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks) and toks[i] == a and toks[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(toks[i])
            i += 1
    return out


def bpe_train_encode(word_counts, num_merges, word):
    words = [(list(w), c) for w, c in word_counts.items()]
    merges = []
    for _ in range(num_merges):
        counts = {}
        for toks, c in words:
            for i in range(len(toks) - 1):
                p = (toks[i], toks[i + 1])
                counts[p] = counts.get(p, 0) + c
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p[0] + p[1]))
        merges.append(best)
        words = [(_apply(t, best), c) for t, c in words]
    toks = list(word)
    for m in merges:
        toks = _apply(toks, m)
    return merges, toks
