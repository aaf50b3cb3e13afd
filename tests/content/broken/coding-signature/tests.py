"""A minimal tests.py: this fixture is broken elsewhere (see expected.txt)."""

CASES = [{"name": "example", "kind": "visible", "args": ([(0.0, 0.0)], 1, [(0.0, 0.0)]), "expected": [0]}]


def generate(rng, size):
    return ([(float(x), 0.0) for x in rng.normal(size=size)], 1, [(0.0, 0.0)])
