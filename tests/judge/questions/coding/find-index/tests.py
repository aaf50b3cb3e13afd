def generate(rng, size):
    values = [int(v) for v in rng.integers(0, 4, size=size)]
    return (values, int(rng.integers(0, 5)))


CASES = [
    {
        "name": "duplicates",
        "kind": "visible",
        "args": ([4, 7, 7], 7),
        "expected": 1,
        "note": "two valid answers",
    },
    {
        "name": "absent",
        "kind": "hidden",
        "args": ([1, 2], 3),
        "expected": -1,
        "note": "target missing",
    },
]


def check(args, expected, got):
    values, target = args
    if type(got) is not int:
        return f"expected an int index, got {type(got).__name__}"
    if target not in values:
        return None if got == -1 else f"{target} is not in the list, so the answer is -1"
    if not 0 <= got < len(values) or values[got] != target:
        return f"values[{got}] is not {target}"
    return None
