"""Tests for longest-common-subsequence. Trusted: never shown to the learner's sandbox.

Several strings can be longest common subsequences, so `check` verifies the answer's
properties instead of comparing it with one particular string.
"""

import numpy as np


def _is_subsequence(small, big):
    characters = iter(big)
    return all(char in characters for char in small)


def check(args, expected, got):
    string1, string2 = args
    if not isinstance(got, str):
        return f"expected a str, got {type(got).__name__} {got!r}"[:200]
    if not _is_subsequence(got, string1):
        return f"{got!r} is not a subsequence of string1"[:200]
    if not _is_subsequence(got, string2):
        return f"{got!r} is not a subsequence of string2"[:200]
    if len(got) != len(expected):
        return f"{got!r} has length {len(got)}; a longest common subsequence has length {len(expected)}"[
            :200
        ]
    return None


def _random_string(rng, length, alphabet):
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=length))


def generate(rng, size):
    """Two strings of about `size` characters over a small alphabet (so they share a
    lot), sometimes of quite different lengths."""
    alphabet = "abcd" if rng.random() < 0.7 else "abcdefghij"
    other = int(rng.integers(0, 2 * size + 1)) if rng.random() < 0.3 else size
    return (_random_string(rng, size, alphabet), _random_string(rng, other, alphabet))


_rng = np.random.default_rng(11)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ("abbc", "acc"),
        "expected": "ac",
        "note": "the example from the prompt",
    },
    {
        "name": "several answers",
        "kind": "visible",
        "args": ("abc", "acb"),
        "expected": "ab",
        "note": "'ab' and 'ac' are both accepted",
    },
    {
        "name": "both empty",
        "kind": "hidden",
        "args": ("", ""),
        "expected": "",
        "note": "two empty strings",
    },
    {
        "name": "one empty",
        "kind": "hidden",
        "args": ("abc", ""),
        "expected": "",
        "note": "an empty second string",
    },
    {
        "name": "nothing in common",
        "kind": "hidden",
        "args": ("abc", "xyz"),
        "expected": "",
        "note": "no shared character",
    },
    {
        "name": "identical strings",
        "kind": "hidden",
        "args": ("machine", "machine"),
        "expected": "machine",
        "note": "the whole string",
    },
    {
        "name": "not contiguous",
        "kind": "hidden",
        "args": ("axbxcx", "abc"),
        "expected": "abc",
        "note": "the subsequence is spread out in string1",
    },
    {
        "name": "greedy matching is not enough",
        "kind": "hidden",
        "args": ("abcd", "dabc"),
        "expected": "abc",
        "note": "matching the d first blocks everything else",
    },
    {
        "name": "order matters",
        "kind": "hidden",
        "args": ("abcdefg", "gfedcba"),
        "expected": "a",
        "note": "reversed strings share only single characters in order",
    },
    {
        "name": "case-sensitive",
        "kind": "hidden",
        "args": ("ABCabc", "abcABC"),
        "expected": "abc",
        "note": "upper and lower case are different characters",
    },
    {
        "name": "repeated characters",
        "kind": "hidden",
        "args": ("aaaabbbb", "abababab"),
        "expected": "aaaab",
        "note": "many repeats and many optimal answers",
    },
    {
        "name": "medium strings",
        "kind": "hidden",
        "args": (_random_string(_rng, 40, "abc"), _random_string(_rng, 40, "abc")),
        "note": "40 characters each: exponential recursion runs out of time",
    },
    {
        "name": "long strings",
        "kind": "hidden",
        "args": (_random_string(_rng, 1000, "abcdefgh"), _random_string(_rng, 1000, "abcdefgh")),
        "note": "1,000 characters each",
    },
    {
        "name": "one character that matches early",
        "kind": "hidden",
        "args": ("d", "dc"),
        "note": "the walk back from the corner must step left past 'c' to reach the match; a "
        "walk that leaves the table (or the top row) early returns ''",
    },
]
