import numpy as np


def generate(rng, size):
    if rng.random() < 0.5:
        return (rng.normal(size=size),)
    return ([float(v) for v in rng.integers(-9, 9, size=size)],)


CASES = [
    {
        "name": "example",
        "kind": "visible",
        "args": ([1, 2, 3.5],),
        "expected": 6.5,
        "note": "the prompt example",
    },
    {"name": "empty", "kind": "visible", "args": ([],), "expected": 0.0, "note": "no values"},
    {
        "name": "negative array",
        "kind": "hidden",
        "args": (np.array([-1.5, -2.5]),),
        "note": "an array of negative numbers",
    },
]
