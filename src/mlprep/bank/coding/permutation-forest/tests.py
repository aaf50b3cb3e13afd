"""Tests for permutation-forest. Trusted: never shown to the learner's sandbox.

Tables are plain data {"columns": [...], "rows": [[...], ...]}; support.prepare builds
the DataFrame. All values are 0/1 ints, so every vote count and tie is exact.
"""


def _table(rows, n_features):
    columns = [f"x{i + 1}" for i in range(n_features)] + ["target"]
    return {"columns": columns, "rows": [list(r) for r in rows]}


def generate(rng, size):
    """`size` rows (at least 1) of 1-5 binary features; the label leans on the first
    feature so that trees disagree in interesting ways."""
    n_rows = max(1, size)
    d = int(rng.integers(1, 6))
    x = rng.integers(0, 2, size=(n_rows, d))
    noise = rng.random(n_rows) < 0.3
    target = (x[:, 0] ^ noise).astype(int)
    rows = [[int(v) for v in xr] + [int(t)] for xr, t in zip(x, target)]
    new_point = [int(v) for v in rng.integers(0, 2, size=d)]
    return (_table(rows, d), new_point)


def _big():
    import numpy as np

    rng = np.random.default_rng(99)
    x = rng.integers(0, 2, size=(1000, 5))
    target = ((x[:, 0] + x[:, 3] + (rng.random(1000) < 0.4)) >= 2).astype(int)
    rows = [[int(v) for v in xr] + [int(t)] for xr, t in zip(x, target)]
    return (_table(rows, 5), [1, 0, 1, 0, 1])


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_table([[1, 1, 1], [1, 1, 1], [0, 0, 0], [0, 0, 1], [0, 0, 0]], 2), [1, 0]),
        "expected": 1,
        "note": "the two trees disagree, and a tied forest returns 1",
    },
    {
        "name": "all trees agree",
        "kind": "visible",
        "args": (_table([[1, 0, 1], [1, 1, 0], [0, 0, 0], [1, 0, 1], [0, 1, 1]], 2), [1, 0]),
        "expected": 1,
        "note": "both orderings end with the rows (1, 0)",
    },
    {
        "name": "walk ends at the first empty split",
        "kind": "hidden",
        "args": (
            _table([[0, 1, 1, 1], [0, 1, 1, 1], [1, 0, 1, 0], [0, 0, 1, 1]], 3),
            [1, 0, 0],
        ),
        "expected": 1,
        "note": "a column that leaves no rows stops the walk; later columns are not applied",
    },
    {
        "name": "tree with an even split votes 1",
        "kind": "hidden",
        "args": (_table([[1, 1, 0], [1, 0, 0], [0, 0, 1], [1, 0, 1]], 2), [1, 0]),
        "expected": 1,
        "note": "every tree ends with one row of each label",
    },
    {
        "name": "tied forest returns 1",
        "kind": "hidden",
        "args": (_table([[1, 1, 1], [0, 0, 0]], 2), [1, 0]),
        "expected": 1,
        "note": "one tree votes 1 and the other 0",
    },
    {
        "name": "orderings matter",
        "kind": "hidden",
        "args": (_table([[1, 0, 0], [0, 1, 0], [1, 0, 1], [1, 1, 1]], 2), [0, 0]),
        "expected": 1,
        "note": "a single tree in the given column order would vote 0",
    },
    {
        "name": "single row",
        "kind": "hidden",
        "args": (_table([[0, 1, 0]], 2), [1, 1]),
        "expected": 0,
        "note": "one row: every walk keeps it",
    },
    {
        "name": "single feature",
        "kind": "hidden",
        "args": (_table([[0, 1], [0, 0], [1, 0], [1, 0], [1, 1]], 1), [1]),
        "expected": 0,
        "note": "one feature column, one tree",
    },
    {
        "name": "no row matches any value",
        "kind": "hidden",
        "args": (_table([[1, 1, 0], [1, 1, 1], [1, 1, 0]], 2), [0, 0]),
        "expected": 0,
        "note": "every walk ends at once and votes on the whole table",
    },
    {
        "name": "constant label",
        "kind": "hidden",
        "args": (_table([[0, 0, 0, 1], [1, 0, 1, 1], [1, 1, 0, 1]], 3), [0, 1, 1]),
        "expected": 1,
        "note": "every row has label 1",
    },
    {
        "name": "five features",
        "kind": "hidden",
        "args": _big(),
        "note": "120 orderings over 1,000 rows",
    },
]
