"""Returns a (0, 0) matrix whenever the vocabulary is empty, also for N > 0 empty documents (shape (N, 0))."""

import numpy as np


def tf_idf(documents):
    vocab = sorted({t for doc in documents for t in doc})
    col = {t: j for j, t in enumerate(vocab)}
    N = len(documents)
    if not vocab:
        return vocab, np.zeros((0, 0))
    tf = np.zeros((N, len(vocab)))
    for i, doc in enumerate(documents):
        for t in doc:
            tf[i, col[t]] += 1
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + N) / (1 + df)) + 1
    w = tf * idf
    norms = np.linalg.norm(w, axis=1, keepdims=True)
    out = np.divide(w, norms, out=np.zeros_like(w), where=norms > 0)
    return vocab, out
