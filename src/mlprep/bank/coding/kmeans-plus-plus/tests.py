"""Tests for k-means++ seeding. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """Blobs of continuous points, uniform draws; k up to 10."""
    n = max(1, int(size))
    d = int(rng.integers(1, 4))
    centres = rng.uniform(-20, 20, size=(6, d))
    X = centres[rng.integers(0, 6, size=n)] + rng.normal(0, 1.0, size=(n, d))
    k = int(rng.integers(1, min(n, 10) + 1))
    draws = rng.random(k - 1).tolist()
    first = int(rng.integers(0, n))
    if rng.random() < 0.3:
        return (X.tolist(), k, first, draws)
    return (X, k, first, draws)


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": ([[0, 0], [1, 0], [5, 0], [0, 3]], 3, 0, [0.5, 0.9]),
        "expected": [0, 2, 3],
        "note": "the example from the prompt",
    },
    {
        "name": "a draw of zero",
        "kind": "visible",
        "args": ([[0, 0], [1, 0], [5, 0], [0, 3]], 2, 0, [0.0]),
        "expected": [0, 1],
        "note": "strictly greater: the chosen point 0 (D^2 = 0) cannot be re-picked",
    },
    {
        "name": "nearest, not last, centre",
        "kind": "hidden",
        "args": ([[0.0], [1.0], [10.0], [11.0], [5.0]], 3, 0, [0.99, 0.05]),
        "expected": [0, 4, 2],
        "note": "second step D^2 = [0, 1, 25, 36, 0]; distance to the last centre picks 1",
    },
    {
        "name": "all points identical",
        "kind": "hidden",
        "args": (np.ones((4, 2)), 3, 2, [0.5, 0.5]),
        "expected": [2, 0, 1],
        "note": "T = 0: the lowest indices not chosen yet",
    },
    {
        "name": "one centre",
        "kind": "hidden",
        "args": ([[3.0, 4.0], [1.0, 1.0]], 1, 1, []),
        "expected": [1],
        "note": "k = 1 uses no draws",
    },
    {
        "name": "single point",
        "kind": "hidden",
        "args": ([[7.0]], 1, 0, []),
        "expected": [0],
        "note": "n = 1",
    },
    {
        "name": "duplicates of a chosen point",
        "kind": "hidden",
        "args": ([[0.0, 0.0], [0.0, 0.0], [2.0, 0.0], [2.0, 0.0]], 4, 0, [0.1, 0.7, 0.2]),
        "expected": [0, 2, 1, 3],
        "note": "after 0 and 2 every D^2 is 0, so the fallback picks 1, then 3",
    },
    {
        "name": "large input",
        "kind": "hidden",
        "args": generate(np.random.default_rng(77), 6000),
        "note": "6,000 points",
    },
    {
        "name": "draw just below 1 past the running sums",
        "kind": "hidden",
        "args": (
            [
                [-0.142, -0.083],
                [275.581, 104.124],
                [-7.814, -13.374],
                [-975.583, -21.691],
                [0.347, -7.444],
                [-12.866, 14.224],
                [0.452, -0.375],
                [-0.0, -0.001],
                [-0.003, 0.0],
                [-10.705, -10.027],
                [-6.403, 7.323],
                [-1.171, -1.434],
                [0.001, 0.001],
            ],
            2,
            0,
            [0.9999999999999999],
        ),
        "expected": [0, 12],
        "note": "t = draw * T lands at or past the last running sum by rounding: the last "
        "index is taken (kills a search that runs off the end)",
    },
    {
        "name": "draw just below 1, a copy of the centre last",
        "kind": "hidden",
        "args": (
            [
                [18.24, -11.693],
                [13.138, -14.029],
                [0.512, -14.563],
                [7.561, 13.67],
                [-2.98, 18.277],
                [13.013, -6.471],
                [3.03, 10.132],
                [13.084, 17.338],
                [-14.2, 9.823],
                [-14.426, 16.261],
                [-10.955, 14.13],
                [-7.747, 18.793],
                [18.24, -11.693],
            ],
            2,
            0,
            [0.9999999999999999],
        ),
        "expected": [0, 11],
        "note": "T summed pairwise (np.sum) is 1.8e-12 above the last running sum and t rounds "
        "to that sum: the fallback takes the last point with D^2 > 0 (11), not the last index "
        "(12, a copy of centre 0)",
    },
    {
        "name": "points far from the origin",
        "kind": "hidden",
        "args": (
            np.round(1e6 + np.random.default_rng(9).normal(0, 1, (40, 3)), 3),
            8,
            0,
            [0.544, 0.841, 0.75, 0.332, 0.599, 0.195, 0.151],
        ),
        "note": "coordinates near 1e6 spread by about 1: float32 coordinates (spacing 0.0625 "
        "there) change the distances and the picks",
    },
    {
        "name": "copies of the first centre, draws of zero",
        "kind": "hidden",
        "args": (
            [
                [5.48, -9.21, -18.36],
                [5.48, -9.21, -18.36],
                [-19.34, 12.53, 16.51],
                [4.27, 9.18, 1.74],
                [17.4, 12.63, -19.89],
                [14.3, -18.66, 9.19],
                [-12.97, 14.53, 1.66],
            ],
            3,
            0,
            [0.0, 0.0],
        ),
        "expected": [0, 2, 3],
        "note": "chosen points and their copies have D^2 exactly 0: |x|^2 - 2 x.c + |c|^2 leaves "
        "about 1e-13 there, and a draw of 0 then re-picks a chosen point",
    },
]
