"""Divides by the row norm without a guard, so an empty document becomes a row of NaN."""
import numpy as np


def tf_idf(documents):
    vocabulary = sorted({token for doc in documents for token in doc})
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(documents), len(vocabulary)))
    for i, doc in enumerate(documents):
        for token in doc:
            counts[i, column[token]] += 1
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(documents)) / (1 + df)) + 1
    weights = counts * idf
    with np.errstate(all="ignore"):
        return vocabulary, weights / np.linalg.norm(weights, axis=1, keepdims=True)
