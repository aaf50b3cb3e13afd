"""Tests for Levenshtein distance with an alignment. Trusted: never shown to the learner's sandbox.

Several alignments can be optimal, so check() validates the learner's ops instead of
comparing them with the reference's.
"""

import numpy as np


def _mutate(rng, s, alphabet, edits):
    chars = list(s)
    for _ in range(edits):
        kind = int(rng.integers(3))
        pos = int(rng.integers(len(chars) + 1))
        if kind == 0:
            chars.insert(pos, str(rng.choice(alphabet)))
        elif chars and kind == 1:
            del chars[min(pos, len(chars) - 1)]
        elif chars:
            chars[min(pos, len(chars) - 1)] = str(rng.choice(alphabet))
    return "".join(chars)


def generate(rng, size):
    """Strings of up to size characters: unrelated, or one a mutated copy of the other; small alphabets."""
    n = max(0, int(size))
    alphabet = list(str(rng.choice(["ab", "acgt", "abcdefghij", "aAbBé€ ", "xyz"])))
    a = "".join(rng.choice(alphabet, size=int(rng.integers(0, n + 1))))
    if rng.random() < 0.5:
        b = _mutate(rng, a, alphabet, int(rng.integers(0, max(1, n // 5) + 1)))
    else:
        b = "".join(rng.choice(alphabet, size=int(rng.integers(0, n + 1))))
    return (a, b)


def check(args, expected, got):
    """None when got is (the optimal distance, a valid alignment of that cost)."""
    a, b = args
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return "return a tuple (distance, ops)"
    dist, ops = got
    if isinstance(dist, bool) or not isinstance(dist, (int, np.integer)):
        return f"the distance must be an int, got {type(dist).__name__}"
    if int(dist) != expected[0]:
        return f"distance: expected {expected[0]}, got {int(dist)}"
    if not isinstance(ops, (list, tuple)):
        return f"ops must be a list of 'M', 'S', 'D', 'I', got {type(ops).__name__}"
    i = j = cost = 0
    for k, op in enumerate(ops):
        if op in ("M", "S"):
            if i >= len(a) or j >= len(b):
                return f"ops[{k}] = {op!r} runs past the end of a string"
            if (a[i] == b[j]) != (op == "M"):
                return f"ops[{k}] = {op!r} but a[{i}] = {a[i]!r} and b[{j}] = {b[j]!r}"
            cost += op == "S"
            i, j = i + 1, j + 1
        elif op == "D":
            if i >= len(a):
                return f"ops[{k}] = 'D' runs past the end of a"
            cost, i = cost + 1, i + 1
        elif op == "I":
            if j >= len(b):
                return f"ops[{k}] = 'I' runs past the end of b"
            cost, j = cost + 1, j + 1
        else:
            return f"ops[{k}] = {op!r} is not one of 'M', 'S', 'D', 'I'"
    if (i, j) != (len(a), len(b)):
        return f"the ops consume {i} of {len(a)} characters of a and {j} of {len(b)} of b"
    if cost != expected[0]:
        return f"the ops cost {cost}, not the distance {expected[0]}"
    return None


_R = np.random.default_rng(221)
_BIG_A = "".join(_R.choice(list("acgt"), size=1000))
_BIG_B = _mutate(_R, _BIG_A, list("acgt"), 200)[:1000]

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ("kitten", "sitting"),
        "note": "the example from the prompt",
    },
    {
        "name": "prompt example, shifted word",
        "kind": "visible",
        "args": ("flaw", "lawn"),
        "note": "one deletion and one insertion beat four substitutions",
    },
    {
        "name": "both empty",
        "kind": "hidden",
        "args": ("", ""),
        "expected": (0, []),
        "note": "empty strings: distance 0, no ops",
    },
    {
        "name": "empty source",
        "kind": "hidden",
        "args": ("", "abc"),
        "expected": (3, ["I", "I", "I"]),
        "note": "only insertions: the first row of the table",
    },
    {
        "name": "empty target",
        "kind": "hidden",
        "args": ("abcd", ""),
        "expected": (4, ["D", "D", "D", "D"]),
        "note": "only deletions: the first column of the table",
    },
    {
        "name": "single characters",
        "kind": "hidden",
        "args": ("a", "b"),
        "note": "one substitution",
    },
    {
        "name": "transposition costs two",
        "kind": "hidden",
        "args": ("abcdef", "abdcef"),
        "note": "swapping neighbours is two edits in Levenshtein (one in Damerau's variant)",
    },
    {
        "name": "case matters",
        "kind": "hidden",
        "args": ("Kitten", "kITTen"),
        "note": "upper and lower case are different characters",
    },
    {
        "name": "non-ASCII characters",
        "kind": "hidden",
        "args": ("café crème", "cafe creme €"),
        "note": "accented letters and the euro sign are single characters",
    },
    {
        "name": "repeated characters",
        "kind": "hidden",
        "args": ("aaaaaaa", "aaa"),
        "note": "many optimal alignments: any valid one is accepted",
    },
    {
        "name": "identical strings",
        "kind": "hidden",
        "args": ("the same words", "the same words"),
        "note": "distance 0: every op is M",
    },
    {
        "name": "largest stated size, related",
        "kind": "hidden",
        "args": (_BIG_A, _BIG_B),
        "note": "1000 characters each side, about 200 edits apart",
    },
    {
        "name": "largest stated size, unrelated",
        "kind": "hidden",
        "args": (
            "".join(_R.choice(list("ab"), size=1000)),
            "".join(_R.choice(list("xyab"), size=1000)),
        ),
        "note": "1000 x 1000 table with large distances",
    },
]
