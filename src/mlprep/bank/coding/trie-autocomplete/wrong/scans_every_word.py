"""Scans the ranked word list for every query: far too slow for 20,000 queries over 50,000 words."""

def autocomplete(words, counts, queries, k):
    total = {}
    for w, c in zip(words, counts):
        total[w] = total.get(w, 0) + c
    items = sorted(total.items(), key=lambda t: (-t[1], t[0]))
    out = []
    for q in queries:
        r = []
        for w, c in items:
            if w.startswith(q):
                r.append(w)
                if len(r) == k:
                    break
        out.append(r)
    return out
