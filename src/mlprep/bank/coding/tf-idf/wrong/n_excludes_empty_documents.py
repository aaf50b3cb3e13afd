"""Counts only the non-empty documents as N in the idf."""

import math
from collections import Counter

import numpy as np


def tf_idf(documents):
    counts = [Counter(doc) for doc in documents]
    df = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = sorted(df)
    n = len(documents)
    n_idf = sum(1 for d in documents if d)
    idf = {t: math.log((1 + n_idf) / (1 + df[t])) + 1 for t in vocab}
    rows = []
    for c in counts:
        raw = [c.get(t, 0) * idf[t] for t in vocab]
        norm = math.sqrt(math.fsum(x * x for x in raw))
        rows.append([x / norm for x in raw] if norm > 0 else [0.0] * len(vocab))
    return vocab, np.array(rows, dtype=float).reshape(n, len(vocab))
