"""Tests for closest-key. Trusted: never shown to the learner's sandbox."""

_LETTERS = "abcdefgh"


def generate(rng, size):
    """`size` keys inserted in a shuffled (non-alphabetical) order, each with a short list
    of letters from a small alphabet, so repeats and ties are common."""
    names = [f"k{i:04d}" for i in range(size)]
    order = rng.permutation(size)
    dictionary = {}
    for i in order:
        length = int(rng.integers(0, 8))
        dictionary[names[i]] = [_LETTERS[j] for j in rng.integers(0, len(_LETTERS), size=length)]
    letter = _LETTERS[int(rng.integers(0, len(_LETTERS)))] if rng.random() < 0.9 else "z"
    return (dictionary, letter)


_many = {f"key{i}": ["q"] * (i % 50) + ["x", "q", "x"] for i in range(3000, 0, -1)}

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ({"a": ["b", "c", "e"], "m": ["c", "e"]}, "c"),
        "expected": "m",
        "note": "the example from the prompt",
    },
    {
        "name": "a smaller distance beats insertion order",
        "kind": "visible",
        "args": ({"z": ["q", "r"], "b": ["s", "r"], "m": ["r"]}, "r"),
        "expected": "m",
        "note": "z and b tie at distance 1 but m has distance 0",
    },
    {
        "name": "tie by insertion order, not alphabet",
        "kind": "hidden",
        "args": ({"z": ["x", "r"], "b": ["y", "r"], "m": ["t", "u", "r"]}, "r"),
        "expected": "z",
        "note": "z and b tie at the smallest distance; z was inserted first",
    },
    {
        "name": "letter in no list",
        "kind": "hidden",
        "args": ({"a": ["b"], "c": ["d", "e"]}, "q"),
        "expected": None,
        "note": "no key qualifies",
    },
    {
        "name": "empty dictionary",
        "kind": "hidden",
        "args": ({}, "a"),
        "expected": None,
        "note": "no keys at all",
    },
    {
        "name": "empty lists",
        "kind": "hidden",
        "args": ({"a": [], "b": [], "c": ["x", "y", "a"]}, "a"),
        "expected": "c",
        "note": "keys with empty lists are ignored",
    },
    {
        "name": "repeated letter uses its first occurrence",
        "kind": "hidden",
        "args": ({"p": ["a", "b", "b", "b"], "q": ["c", "c", "b"]}, "b"),
        "expected": "p",
        "note": "p's list holds b at 1, 2 and 3; its distance is 1",
    },
    {
        "name": "distance is from the front",
        "kind": "hidden",
        "args": ({"long": ["x", "y", "z", "w", "c"], "short": ["y", "c", "z"]}, "c"),
        "expected": "short",
        "note": "index 1 beats index 4 even though 'long' ends with the letter",
    },
    {
        "name": "single key",
        "kind": "hidden",
        "args": ({"only": ["m", "n"]}, "n"),
        "expected": "only",
        "note": "one key that contains the letter",
    },
    {
        "name": "three-way tie at zero",
        "kind": "hidden",
        "args": ({"c": ["e"], "a": ["e"], "b": ["e"]}, "e"),
        "expected": "c",
        "note": "every key has distance 0; the first inserted wins",
    },
    {
        "name": "upper and lower case differ",
        "kind": "hidden",
        "args": ({"up": ["A", "b"], "low": ["c", "a"], "mix": ["B", "A", "a"]}, "a"),
        "expected": "low",
        "note": "ignores-case: 'A' is not 'a', so up (which has only 'A' at 0) does not qualify",
    },
    {
        "name": "the empty string is a key",
        "kind": "hidden",
        "args": ({"x": ["b", "q"], "": ["q"], "y": ["q", "r"]}, "q"),
        "expected": "",
        "note": "empty-key-means-none: the key '' wins (distance 0, inserted before y)",
    },
    {
        "name": "many keys",
        "kind": "hidden",
        "args": (_many, "x"),
        "note": "3,000 keys inserted in reverse alphabetical order with many ties",
    },
]
