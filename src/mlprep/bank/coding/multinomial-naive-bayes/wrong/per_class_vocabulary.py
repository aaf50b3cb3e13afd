"""Smooths with the size of each class's own vocabulary instead of the shared one."""

import math
from collections import Counter


def naive_bayes_text(train_docs, train_labels, test_docs, alpha):
    classes = sorted(set(train_labels))
    vocab = {tok for doc in train_docs for tok in doc}
    doc_counts = Counter(train_labels)
    token_counts = {c: Counter() for c in classes}
    for doc, label in zip(train_docs, train_labels):
        token_counts[label].update(doc)
    log_prior = {c: math.log(doc_counts[c] / len(train_labels)) for c in classes}
    # log P(token | class) with add-alpha smoothing over the shared vocabulary
    log_like = {}
    for c in classes:
        denom = sum(token_counts[c].values()) + alpha * len(token_counts[c])
        log_like[c] = {tok: math.log((token_counts[c][tok] + alpha) / denom) for tok in vocab}
    out = []
    for doc in test_docs:
        seen = Counter(tok for tok in doc if tok in vocab)  # unknown tokens are ignored
        scores = {}
        for c in classes:
            table = log_like[c]
            scores[c] = log_prior[c] + sum(k * table[tok] for tok, k in seen.items())
        top = max(scores.values())
        # scores within 1e-9 of the best tie; the smallest label wins
        label = min(c for c in classes if scores[c] >= top - 1e-9)
        # posterior by log-sum-exp: exp of differences never overflows or divides by 0
        total = sum(math.exp(s - top) for s in scores.values())
        out.append((label, math.exp(scores[label] - top) / total))
    return out
