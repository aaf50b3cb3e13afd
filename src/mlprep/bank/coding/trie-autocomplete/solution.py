def autocomplete(words, counts, queries, k):
    totals = {}
    for word, count in zip(words, counts):
        totals[word] = totals.get(word, 0) + count  # repeated words add up
    # rank once: higher count first, then the word in string order
    ranked = sorted(totals, key=lambda w: (-totals[w], w))
    # trie whose every node keeps the first k words (in rank order) below it
    root = {"": []}  # key "" holds the node's top list; other keys are characters
    for word in ranked:  # rank order: each node's list fills with its best words first
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
