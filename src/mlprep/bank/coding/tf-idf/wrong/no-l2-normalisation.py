"""Returns the raw tf * idf weights without normalising the rows."""
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
    return vocabulary, counts * idf
