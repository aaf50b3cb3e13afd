"""Tests for word-ladder. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _word(rng, length, alphabet):
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=length))


def generate(rng, size):
    """`size` random words over a small alphabet, dense enough that long ladders exist;
    a few words of another length; end_word usually in the list."""
    length = 3 if size < 50 else 4 if size < 500 else 5
    alphabet = "abcdef"[: 4 if size < 50 else 6]
    words = [_word(rng, length, alphabet) for _ in range(size)]
    words += [_word(rng, length + 1, alphabet) for _ in range(max(1, size // 20))]
    begin = _word(rng, length, alphabet)
    if words[:size] and rng.random() < 0.85:
        end = words[int(rng.integers(0, size))]
    else:
        end = _word(rng, length, alphabet)
    order = rng.permutation(len(words))
    return (begin, end, [words[i] for i in order])


def _staircase():
    """aa -> ba -> bb -> cb -> cc -> ... -> zz: 51 words, each two apart from every
    non-neighbour, so the only route is the whole staircase."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["aa"]
    for i in range(1, 26):
        words.append(letters[i] + letters[i - 1])
        words.append(letters[i] * 2)
    return words


_rng = np.random.default_rng(7)
_big = generate(_rng, 4000)
_ladder = _staircase()

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ("same", "cost", ["came", "case", "cast", "cost", "some"]),
        "expected": 5,
        "note": "the example from the prompt",
    },
    {
        "name": "one step",
        "kind": "visible",
        "args": ("cat", "cot", ["cot"]),
        "expected": 2,
        "note": "a single change counts two words",
    },
    {
        "name": "same word",
        "kind": "hidden",
        "args": ("word", "word", []),
        "expected": 1,
        "note": "begin_word == end_word gives the one-word sequence even with an empty list",
    },
    {
        "name": "end word not in the list",
        "kind": "hidden",
        "args": ("hit", "hot", ["dot", "lot"]),
        "expected": 0,
        "note": "end_word is one letter away but not allowed",
    },
    {
        "name": "different lengths",
        "kind": "hidden",
        "args": ("cat", "cart", ["cart", "cat", "car"]),
        "expected": 0,
        "note": "no insertion or deletion of letters",
    },
    {
        "name": "empty word list",
        "kind": "hidden",
        "args": ("abc", "abd", []),
        "expected": 0,
        "note": "nothing is allowed after the first word",
    },
    {
        "name": "unreachable",
        "kind": "hidden",
        "args": ("aaa", "ccc", ["aab", "abb", "ccc", "cca"]),
        "expected": 0,
        "note": "end_word is in the list but no chain reaches it",
    },
    {
        "name": "depth-first order finds a longer chain first",
        "kind": "hidden",
        "args": ("aa", "bb", ["ca", "cb", "ab", "bb"]),
        "expected": 3,
        "note": "aa -> ab -> bb, although aa -> ca -> cb -> ab -> bb also exists",
    },
    {
        "name": "begin word in the list and duplicates",
        "kind": "hidden",
        "args": ("lead", "gold", ["load", "lead", "goad", "gold", "load", "goad"]),
        "expected": 4,
        "note": "lead -> load -> goad -> gold with repeated words in the list",
    },
    {
        "name": "two routes of different length",
        "kind": "hidden",
        "args": ("cold", "warm", ["cord", "card", "ward", "warm", "wold", "word", "worm", "corm"]),
        "expected": 5,
        "note": "cold -> cord -> word -> worm -> warm is shortest among several routes",
    },
    {
        "name": "long single ladder",
        "kind": "hidden",
        "args": ("aa", "zz", list(reversed(_ladder[1:]))),
        "expected": 51,
        "note": "a staircase of 51 words with no shortcut",
    },
    {
        "name": "large dictionary",
        "kind": "hidden",
        "args": _big,
        "note": "about 4,000 words of length 5",
    },
]
