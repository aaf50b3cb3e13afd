"""Tests for string-shift. Trusted: never shown to the learner's sandbox."""


def generate(rng, size):
    """A random string over a small alphabet; b is a random shift of it, a shuffle of it,
    or a shift with one letter changed."""
    letters = "abc"
    a = "".join(letters[i] for i in rng.integers(0, len(letters), size=size))
    k = int(rng.integers(0, size + 1))
    b = a[k:] + a[:k]
    roll = rng.random()
    if roll < 0.3 and size:
        b = "".join(b[i] for i in rng.permutation(size))
    elif roll < 0.55 and size:
        i = int(rng.integers(0, size))
        b = b[:i] + ("x" if b[i] != "x" else "y") + b[i + 1 :]
    return (a, b)


CASES = [
    {
        "name": "prompt example, a shift",
        "kind": "visible",
        "args": ("abcde", "cdeab"),
        "expected": True,
        "note": "the first call of the prompt's example",
    },
    {
        "name": "prompt example, not a shift",
        "kind": "visible",
        "args": ("abcde", "abced"),
        "expected": False,
        "note": "same letters in a different order",
    },
    {
        "name": "two empty strings",
        "kind": "hidden",
        "args": ("", ""),
        "expected": True,
        "note": "two empty strings are shifts of each other",
    },
    {
        "name": "empty and non-empty",
        "kind": "hidden",
        "args": ("", "a"),
        "expected": False,
        "note": "different lengths",
    },
    {
        "name": "non-empty and empty",
        "kind": "hidden",
        "args": ("a", ""),
        "expected": False,
        "note": "different lengths, the empty string is a substring of anything",
    },
    {
        "name": "substring of the doubled string",
        "kind": "hidden",
        "args": ("abcd", "cda"),
        "expected": False,
        "note": "b occurs in a + a but is shorter than a",
    },
    {
        "name": "shift by zero",
        "kind": "hidden",
        "args": ("rotate", "rotate"),
        "expected": True,
        "note": "a string is a shift of itself",
    },
    {
        "name": "shift by three",
        "kind": "hidden",
        "args": ("interview", "erviewint"),
        "expected": True,
        "note": "a shift by more than one position",
    },
    {
        "name": "shift by the length minus one",
        "kind": "hidden",
        "args": ("abcdef", "fabcde"),
        "expected": True,
        "note": "moving all but the last character to the back",
    },
    {
        "name": "single character",
        "kind": "hidden",
        "args": ("z", "z"),
        "expected": True,
        "note": "one-character strings",
    },
    {
        "name": "case matters",
        "kind": "hidden",
        "args": ("Abc", "bcA"),
        "expected": True,
        "note": "a true shift with an upper-case letter",
    },
    {
        "name": "different case is not a shift",
        "kind": "hidden",
        "args": ("Abc", "bca"),
        "expected": False,
        "note": "comparison is case-sensitive",
    },
    {
        "name": "trailing space is a character",
        "kind": "hidden",
        "args": ("ab ", "ba "),
        "expected": False,
        "note": 'the shifts of "ab " are "ab ", "b a" and " ab" (kills stripping whitespace: '
        '"ab" and "ba" are shifts)',
    },
    {
        "name": "a space moved inside",
        "kind": "hidden",
        "args": (" ab", "b a"),
        "expected": True,
        "note": 'a shift by two moves the leading space between the letters (stripping leaves '
        '"ab" and "b a", of different lengths)',
    },
    {
        "name": "repeated pattern",
        "kind": "hidden",
        "args": ("aab" * 4, "aba" * 4),
        "expected": True,
        "note": "a periodic string",
    },
    {
        "name": "long strings",
        "kind": "hidden",
        "args": ("ab" * 1500 + "c", "b" + "ab" * 1499 + "ca"),
        "note": "3,001 characters",
    },
]
