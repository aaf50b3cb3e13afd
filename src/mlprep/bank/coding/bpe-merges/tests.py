"""Tests for BPE training and encoding. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _word(rng, alphabet, longest):
    return "".join(rng.choice(list(alphabet), size=int(rng.integers(1, longest + 1))))


def generate(rng, size):
    """size distinct words, small alphabet (runs like 'aaaa', equal counts), random order."""
    n = max(1, int(size))
    alphabet = "abcdefghij"[: int(rng.integers(2, 11))]
    longest = int(rng.integers(1, 11))
    words = set()
    for _ in range(20 * n):
        if len(words) == n:
            break
        words.add(_word(rng, alphabet, longest))
    ordered = list(words)
    rng.shuffle(ordered)  # insertion order says nothing about the tie rule
    top = int(rng.choice([1, 3, 20, 1000]))
    counts = {w: int(rng.integers(1, top + 1)) for w in ordered}
    pick = rng.random()
    if pick < 0.4:
        target = ordered[int(rng.integers(len(ordered)))]
    elif pick < 0.9:
        target = _word(rng, alphabet + "xz", 50)  # may hold characters the corpus never saw
    else:
        target = ""
    return (counts, int(rng.integers(0, 201)), target)


_EXAMPLE = {"low": 5, "lower": 2, "newest": 6, "widest": 3}


def _largest():
    rng = np.random.default_rng(2024)
    words = set()
    while len(words) < 500:
        words.add(_word(rng, "abcdefghijklmnop", 10))
    return (
        {w: int(rng.integers(1, 1001)) for w in sorted(words, reverse=True)},
        200,
        "".join(rng.choice(list("abcdefghijklmnop"), size=50)),
    )


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE, 6, "lowest"),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, no merges",
        "kind": "visible",
        "args": (_EXAMPLE, 0, "newer"),
        "expected": ([], ["n", "e", "w", "e", "r"]),
        "note": "num_merges = 0: characters only",
    },
    {
        "name": "counts weight the pairs",
        "kind": "hidden",
        "args": ({"ab": 1, "cd": 1, "ef": 1, "xy": 5}, 1, "xyab"),
        "expected": ([("x", "y")], ["xy", "a", "b"]),
        "note": (
            "one word with count 5 beats three words with count 1: pairs are counted with the "
            "word's count"
        ),
    },
    {
        "name": "ties go to the smallest pair, not the first seen",
        "kind": "hidden",
        "args": ({"zy": 2, "ba": 2, "ca": 2, "bb": 2}, 3, "zybaca"),
        "note": (
            "all four pairs tie at 2, inserted in unsorted order: ('b', 'a') first, then ('b', "
            "'b'), ('c', 'a')"
        ),
    },
    {
        "name": "runs of one letter",
        "kind": "hidden",
        "args": ({"aaaa": 1, "aaa": 3, "ab": 7}, 3, "aaaaa"),
        "note": (
            "overlapping positions: 'aaa' counts ('a', 'a') twice; merging scans left to right "
            "without overlap"
        ),
    },
    {
        "name": "pairs seen once still merge",
        "kind": "hidden",
        "args": ({"abc": 1, "de": 1}, 10, "abcde"),
        "expected": ([("a", "b"), ("ab", "c"), ("d", "e")], ["abc", "de"]),
        "note": "pairs with count 1 are merged; training stops early once every word is one token",
    },
    {
        "name": "merge boundaries are tokens",
        "kind": "hidden",
        "args": ({"ab": 5, "abab": 1, "ba": 4}, 3, "ababa"),
        "note": (
            "after 'ab' is a token, the pair ('b', 'a') no longer spans it: a string replace on "
            "joined text crosses token boundaries"
        ),
    },
    {
        "name": "single-letter words only",
        "kind": "hidden",
        "args": ({"a": 4, "b": 2}, 5, "ab"),
        "expected": ([], ["a", "b"]),
        "note": "no word has a pair: no merges at all",
    },
    {
        "name": "empty word",
        "kind": "hidden",
        "args": (_EXAMPLE, 4, ""),
        "note": "encoding the empty string gives an empty list",
    },
    {
        "name": "unseen characters",
        "kind": "hidden",
        "args": (_EXAMPLE, 10, "Zlow-est!"),
        "note": (
            "characters the corpus never had stay single tokens; merges still apply around them"
        ),
    },
    {
        "name": "encode follows training order",
        "kind": "hidden",
        "args": ({"abcd": 10, "bc": 8, "cd": 1}, 4, "abcdbcd"),
        "note": (
            "('b', 'c') is learned before ('c', 'd'): a longest-match segmenter picks other tokens"
        ),
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": _largest(),
        "note": (
            "500 words of up to 10 letters, 200 merges, a 50-letter word; dict in reverse order"
        ),
    },
]
