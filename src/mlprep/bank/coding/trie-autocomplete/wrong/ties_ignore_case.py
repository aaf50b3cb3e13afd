"""Breaks count ties alphabetically ignoring case, so 'apple' comes before 'Banana'."""

def autocomplete(words, counts, queries, k):
    total = {}
    for w, c in zip(words, counts):
        total[w] = total.get(w, 0) + c
    ranked = sorted(total, key=lambda w: (-total[w], w.lower(), w))
    root = {}
    TOP = "\0top"
    root[TOP] = []
    for w in ranked:  # insert in rank order: each node's list fills in rank order
        node = root
        if len(node[TOP]) < k:
            node[TOP].append(w)
        for ch in w:
            nxt = node.get(ch)
            if nxt is None:
                nxt = {TOP: []}
                node[ch] = nxt
            node = nxt
            if len(node[TOP]) < k:
                node[TOP].append(w)
    out = []
    for q in queries:
        node = root
        for ch in q:
            node = node.get(ch)
            if node is None:
                break
        out.append(list(node[TOP]) if node is not None else [])
    return out
