"""Uses the unsmoothed idf ln(N / df) + 1 instead of ln((1 + N) / (1 + df)) + 1."""
import numpy as np


def tf_idf(documents):
    vocabulary = sorted({token for doc in documents for token in doc})
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(documents), len(vocabulary)))
    for i, doc in enumerate(documents):
        for token in doc:
            counts[i, column[token]] += 1
    df = (counts > 0).sum(axis=0)
    idf = np.log(len(documents) / np.maximum(df, 1)) + 1
    weights = counts * idf
    norms = np.sqrt((weights**2).sum(axis=1, keepdims=True))
    return vocabulary, weights / np.where(norms == 0, 1.0, norms)
