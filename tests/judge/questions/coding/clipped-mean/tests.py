def generate(rng, size):
    """Values on both sides of [low, high], so that both clipping branches run."""
    values = [float(v) for v in rng.normal(0.0, 3.0, size=size)]
    return (values, -1.0, 2.0)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([-5.0, 0.5, 9.0], -1.0, 2.0),
        "expected": 0.5,
        "note": "one value below, one inside, one above the range",
    },
    {
        "name": "empty",
        "kind": "hidden",
        "args": ([], 0.0, 1.0),
        "expected": 0.0,
        "note": "no values",
    },
]
