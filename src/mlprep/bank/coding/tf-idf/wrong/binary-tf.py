"""Uses presence (0/1) instead of the raw count as the term frequency."""
import numpy as np


def tf_idf(documents):
    vocabulary = sorted({token for doc in documents for token in doc})
    column = {token: j for j, token in enumerate(vocabulary)}
    present = np.zeros((len(documents), len(vocabulary)))
    for i, doc in enumerate(documents):
        for token in doc:
            present[i, column[token]] = 1
    idf = np.log((1 + len(documents)) / (1 + present.sum(axis=0))) + 1
    weights = present * idf
    norms = np.sqrt((weights**2).sum(axis=1, keepdims=True))
    return vocabulary, weights / np.where(norms == 0, 1.0, norms)
