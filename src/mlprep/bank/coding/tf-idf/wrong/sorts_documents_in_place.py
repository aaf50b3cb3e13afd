"""Sorts each document's tokens in place while counting, which modifies the caller's lists."""

import numpy as np


def tf_idf(documents):
    vocab = sorted({t for doc in documents for t in doc})
    col = {t: j for j, t in enumerate(vocab)}
    N = len(documents)
    tf = np.zeros((N, len(vocab)))
    for i, doc in enumerate(documents):
        doc.sort()
        for t in doc:
            tf[i, col[t]] += 1
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + N) / (1 + df)) + 1
    w = tf * idf
    norms = np.linalg.norm(w, axis=1, keepdims=True)
    out = np.divide(w, norms, out=np.zeros_like(w), where=norms > 0)
    return vocab, out
