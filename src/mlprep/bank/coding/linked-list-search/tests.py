"""Tests for linked-list search. Trusted: never shown to the learner's sandbox.

Lists are given as plain Python lists; support.prepare builds the LinkedList.
"""


def generate(rng, size):
    """Integer values from a range about twice the length, so the target is present about
    half of the time; sometimes string values instead."""
    high = max(2, 2 * size)
    values = [int(v) for v in rng.integers(0, high, size=size)]
    target = int(rng.integers(0, high))
    if rng.random() < 0.3:
        return ([f"w{v}" for v in values], f"w{target}")
    return (values, target)


_long = list(range(50_000))

CASES = [
    {
        "name": "prompt example, present",
        "kind": "visible",
        "args": ([3, 8, 5], 5),
        "expected": True,
        "note": "the first call of the prompt's example",
    },
    {
        "name": "prompt example, absent",
        "kind": "visible",
        "args": ([3, 8, 5], 4),
        "expected": False,
        "note": "the second call of the prompt's example",
    },
    {
        "name": "empty list",
        "kind": "hidden",
        "args": ([], 1),
        "expected": False,
        "note": "headval is None",
    },
    {
        "name": "target in the head",
        "kind": "hidden",
        "args": ([7, 1, 2, 3], 7),
        "expected": True,
        "note": "only the first node holds the target",
    },
    {
        "name": "target in the last node",
        "kind": "hidden",
        "args": ([1, 2, 3, 9], 9),
        "expected": True,
        "note": "only the last node holds the target",
    },
    {
        "name": "single node, match",
        "kind": "hidden",
        "args": ([4], 4),
        "expected": True,
        "note": "a one-node list whose node matches",
    },
    {
        "name": "single node, no match",
        "kind": "hidden",
        "args": ([4], 5),
        "expected": False,
        "note": "a one-node list whose node does not match",
    },
    {
        "name": "duplicates",
        "kind": "hidden",
        "args": ([2, 6, 6, 2, 6], 6),
        "expected": True,
        "note": "the target occurs several times",
    },
    {
        "name": "strings",
        "kind": "hidden",
        "args": (["ant", "bee", "cat"], "cat"),
        "expected": True,
        "note": "string values",
    },
    {
        "name": "string prefix is not a match",
        "kind": "hidden",
        "args": (["ant", "bee", "cat"], "ca"),
        "expected": False,
        "note": "values are compared whole",
    },
    {
        "name": "int and string with the same digits",
        "kind": "hidden",
        "args": ([3, "8", 5], 8),
        "expected": False,
        "note": "the string '8' does not equal the int 8: comparing str(value) with str(target) "
        "matches them (wrong/compares_as_strings.py)",
    },
    {
        "name": "string target, int values",
        "kind": "hidden",
        "args": ([3, 8, 5], "5"),
        "expected": False,
        "note": "the target '5' is a string; no node stores a string",
    },
    {
        "name": "long list, target last",
        "kind": "hidden",
        "args": (_long, 49_999),
        "expected": True,
        "note": "50,000 nodes: deep recursion fails, a loop is fine",
    },
    {
        "name": "long list, target absent",
        "kind": "hidden",
        "args": (_long, -1),
        "expected": False,
        "note": "50,000 nodes and no match",
    },
]
