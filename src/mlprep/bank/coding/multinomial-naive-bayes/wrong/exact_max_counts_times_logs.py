"""Scores count * log P(w | c) per distinct token and takes the exact maximum: a real tie that rounding split goes to the wrong class."""

import math


def naive_bayes_text(train_docs, train_labels, test_docs, alpha):
    N = len(train_docs)
    classes = sorted(set(train_labels))
    V = set()
    counts = {c: {} for c in classes}
    T = {c: 0 for c in classes}
    Nc = {c: 0 for c in classes}
    for doc, c in zip(train_docs, train_labels):
        Nc[c] += 1
        for w in doc:
            V.add(w)
            counts[c][w] = counts[c].get(w, 0) + 1
            T[c] += 1
    nv = len(V)
    out = []
    for doc in test_docs:
        tf = {}
        for w in doc:
            if w in V:
                tf[w] = tf.get(w, 0) + 1
        scores = {}
        for c in classes:
            s = math.log(Nc[c] / N)
            den = math.log(T[c] + alpha * nv)
            for w, k in tf.items():
                s += k * (math.log(counts[c].get(w, 0) + alpha) - den)
            scores[c] = s
        mx = max(scores.values())
        best = min(c for c in classes if scores[c] >= mx)
        z = sum(math.exp(v - mx) for v in scores.values())
        out.append((best, math.exp(scores[best] - mx) / z))
    return out
