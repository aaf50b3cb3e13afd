"""Inserts every (word, count) entry separately into the per-node top lists: a repeated word can be listed twice, each time with a partial count."""


def autocomplete(words, counts, queries, k):
    entries = sorted(zip(words, counts), key=lambda e: (-e[1], e[0]))
    root = {"": []}
    for word, _ in entries:
        node = root
        if len(node[""]) < k:
            node[""].append(word)
        for ch in word:
            node = node.setdefault(ch, {"": []})
            if len(node[""]) < k:
                node[""].append(word)
    out = []
    for q in queries:
        node = root
        for ch in q:
            node = node.get(ch)
            if node is None:
                break
        out.append(list(node[""]) if node is not None else [])
    return out
