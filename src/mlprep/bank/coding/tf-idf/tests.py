"""Tests for TF-IDF. Trusted: never shown to the learner's sandbox."""

import numpy as np

_WORDS = [
    "model",
    "data",
    "train",
    "loss",
    "the",
    "a",
    "of",
    "graph",
    "node",
    "edge",
    "user",
    "item",
    "rank",
    "query",
    "token",
    "Zebra",
    "apple",
    "Apple",
    "x1",
    "x10",
    "x2",
    "embedding",
    "vector",
    "norm",
    "idf",
    "tf",
    "word",
    "doc",
    "corpus",
    "term",
]


def generate(rng, size):
    """Zipf-like token draws from a 30-word list; some empty documents."""
    n_docs = max(1, int(size))
    p = 1.0 / np.arange(1, len(_WORDS) + 1)
    p /= p.sum()
    docs = []
    for _ in range(n_docs):
        length = int(rng.integers(0, 25)) if rng.random() > 0.1 else 0
        docs.append([_WORDS[int(j)] for j in rng.choice(len(_WORDS), size=length, p=p)])
    return (docs,)


_IDF_A = np.log(3 / 2) + 1  # idf of a token in one of two documents

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([["a", "b", "a"], ["b", "c"]],),
        "expected": (
            ["a", "b", "c"],
            np.array(
                [
                    [2 * _IDF_A / np.hypot(2 * _IDF_A, 1.0), 1 / np.hypot(2 * _IDF_A, 1.0), 0.0],
                    [0.0, 1 / np.hypot(1.0, _IDF_A), _IDF_A / np.hypot(1.0, _IDF_A)],
                ]
            ),
        ),
        "note": "the example from the prompt",
    },
    {
        "name": "empty corpus",
        "kind": "hidden",
        "args": ([],),
        "expected": ([], np.zeros((0, 0))),
        "note": "no documents",
    },
    {
        "name": "only empty documents",
        "kind": "hidden",
        "args": ([[], []],),
        "expected": ([], np.zeros((2, 0))),
        "note": "two documents, no tokens: shape (2, 0)",
    },
    {
        "name": "an empty document among others",
        "kind": "hidden",
        "args": ([["cat", "sat"], [], ["cat", "cat", "mat"]],),
        "note": "the empty document keeps a zero row",
    },
    {
        "name": "single document",
        "kind": "hidden",
        "args": ([["b", "a", "b", "b"]],),
        "expected": (["a", "b"], np.array([[1 / np.sqrt(10), 3 / np.sqrt(10)]])),
        "note": "all idf equal 1, so the row is the normalised counts",
    },
    {
        "name": "case-sensitive sorted vocabulary",
        "kind": "hidden",
        "args": ([["b", "B", "a"], ["a", "A"]],),
        "note": "uppercase sorts before lowercase in Python's string order",
    },
    {
        "name": "large corpus",
        "kind": "hidden",
        "args": generate(np.random.default_rng(21), 120),
        "note": "120 documents",
    },
]
