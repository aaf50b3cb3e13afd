"""Tests for ranked prefix autocomplete. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _vocabulary(rng, n_words, alphabet, max_len, count_hi):
    """n_words entries with repeats; counts 1..count_hi (small ranges make many ties)."""
    distinct = max(1, int(n_words * 0.7))
    pool = [
        "".join(rng.choice(alphabet, size=int(rng.integers(1, max_len + 1))))
        for _ in range(distinct)
    ]
    # prefixes of other words are words too (query == word cases)
    for i in range(0, distinct, 7):
        w = pool[i]
        pool.append(w[: max(1, len(w) // 2)])
    words = [str(pool[int(i)]) for i in rng.integers(0, len(pool), size=n_words)]
    counts = [int(c) for c in rng.integers(1, count_hi + 1, size=n_words)]
    return words, counts


def _queries(rng, words, alphabet, n_queries):
    qs = []
    for _ in range(n_queries):
        r = rng.random()
        if r < 0.1:
            qs.append("")
        elif r < 0.8 and words:
            w = words[int(rng.integers(len(words)))]
            qs.append(w[: int(rng.integers(0, len(w) + 1))])
        else:
            qs.append("".join(rng.choice(alphabet, size=int(rng.integers(1, 4)))))
    return qs


def generate(rng, size):
    """size entries over small alphabets (some mixed-case or non-ASCII); k in 1..10."""
    n = max(0, int(size))
    alphabet = list(str(rng.choice(["ab", "abc", "abcdefghijklmnopqrstuvwxyz", "aAbB", "éeè"])))
    words, counts = _vocabulary(
        rng, n, alphabet, int(rng.integers(1, 9)), int(rng.choice([2, 5, 100]))
    )
    if n == 0:
        words, counts = [], []
    return (words, counts, _queries(rng, words, alphabet, max(1, n // 2)), int(rng.integers(1, 11)))


_R = np.random.default_rng(231)
_LETTERS = list("abcdefghijklmnopqrstuvwxyz")
_BIG_W, _BIG_C = _vocabulary(_R, 50_000, _LETTERS, 15, 50)
_BIG_Q = _queries(_R, _BIG_W, _LETTERS, 20_000)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (
            ["car", "cart", "care", "cat", "car", "dog"],
            [3, 2, 2, 4, 2, 7],
            ["ca", "car", "d", "", "x"],
            2,
        ),
        "note": "the example from the prompt: summed repeats, a tie, the empty prefix, no match",
    },
    {
        "name": "no words",
        "kind": "hidden",
        "args": ([], [], ["", "a"], 3),
        "expected": [[], []],
        "note": "empty vocabulary",
    },
    {
        "name": "no queries",
        "kind": "hidden",
        "args": (["a"], [1], [], 3),
        "expected": [],
        "note": "empty query list",
    },
    {
        "name": "query equals a word",
        "kind": "hidden",
        "args": (["app", "apple", "apply", "ap"], [1, 5, 5, 2], ["app", "apple", "ap"], 5),
        "expected": [["apple", "apply", "app"], ["apple"], ["apple", "apply", "ap", "app"]],
        "note": "a word equal to the query is a completion; equal counts go alphabetically",
    },
    {
        "name": "repeats add up",
        "kind": "hidden",
        "args": (["b", "a", "b", "b"], [2, 5, 2, 2], ["", "b"], 1),
        "expected": [["b"], ["b"]],
        "note": "'b' appears three times (total 6) and beats 'a' (5); keeping one count per word gives 'a'",
    },
    {
        "name": "repeats interleaved with the top list",
        "kind": "hidden",
        "args": (["zz", "za", "zz", "zb"], [4, 5, 3, 6], ["z"], 3),
        "expected": [["zz", "zb", "za"]],
        "note": "a repeated word must appear once with its total (7), not twice",
    },
    {
        "name": "case and accents matter",
        "kind": "hidden",
        "args": (["Apple", "apple", "éclair", "eclair"], [1, 2, 3, 4], ["a", "A", "é", "e"], 3),
        "expected": [["apple"], ["Apple"], ["éclair"], ["eclair"]],
        "note": "upper case and accented letters are different characters",
    },
    {
        "name": "uppercase sorts before lowercase",
        "kind": "hidden",
        "args": (["ab", "aB", "aa", "aA"], [1, 1, 1, 1], ["a"], 4),
        "expected": [["aA", "aB", "aa", "ab"]],
        "note": "all counts equal: plain string order puts 'A' and 'B' before 'a'",
    },
    {
        "name": "k = 1",
        "kind": "hidden",
        "args": (["x", "xy", "xyz"], [1, 1, 2], ["x", "xy", "xyz", "xyzw"], 1),
        "note": "only the best completion",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG_W, _BIG_C, _BIG_Q, 10),
        "note": "50,000 entries, 20,000 queries (a tenth of them empty, many one or two letters), k = 10",
    },
]
