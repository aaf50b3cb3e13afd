"""Appends a word to each node before stepping down, so the word's own end node never lists it: a word equal to the query is missing."""


def autocomplete(words, counts, queries, k):
    totals = {}
    for word, count in zip(words, counts):
        totals[word] = totals.get(word, 0) + count
    ranked = sorted(totals, key=lambda w: (-totals[w], w))
    root = {"": []}
    for word in ranked:
        node = root
        for ch in word:
            if len(node[""]) < k:
                node[""].append(word)
            node = node.setdefault(ch, {"": []})
    out = []
    for q in queries:
        node = root
        for ch in q:
            node = node.get(ch)
            if node is None:
                break
        out.append(list(node[""]) if node is not None else [])
    return out
