"""Tests for average precision. Trusted: never shown to the learner's sandbox."""

import numpy as np


def generate(rng, size):
    """n = size items; positive rate from 0.5% to 60%; scores continuous or rounded (ties).

    Half of the draws round the scores to one or two decimals, so runs of ties mix
    positives and negatives; the labels are in a random order, never sorted by score.
    """
    n = max(1, int(size))
    rate = float(rng.choice([0.005, 0.05, 0.3, 0.6]))
    y = (rng.random(n) < rate).astype(np.int64)
    scores = rng.normal(0, 1, n) + float(rng.choice([0.5, 1.5])) * y
    kind = rng.integers(0, 3)
    if kind == 1:
        scores = np.round(scores, 1)
    elif kind == 2:
        scores = np.round(1 / (1 + np.exp(-scores)), 2)
    return (y, scores)


_L = np.array([1, 0, 1, 1, 0, 0, 1, 0])
_S = np.array([0.9, 0.8, 0.8, 0.6, 0.5, 0.3, 0.3, 0.1])
_R = np.random.default_rng(12)
_BIG_Y = (_R.random(200_000) < 0.01).astype(np.int64)
_BIG_S = np.round(_R.normal(0, 1, 200_000) + 1.2 * _BIG_Y, 2)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_L, _S),
        "note": "the example from the prompt: two ties mixing a positive and a negative",
    },
    {
        "name": "prompt example, ties broken by 1e-9",
        "kind": "visible",
        "args": (_L, _S + np.array([0, 0, 1e-9, 0, 0, 0, 1e-9, 0])),
        "note": "near-ties 1e-9 apart are separate thresholds",
    },
    {
        "name": "all scores tied",
        "kind": "hidden",
        "args": (_L, np.zeros(8)),
        "note": "duplicates only: one threshold, AP = share of positives",
    },
    {
        "name": "tie with the negative listed first",
        "kind": "hidden",
        "args": (np.array([0, 1, 0, 1, 1]), np.array([0.7, 0.7, 0.2, 0.2, 0.9])),
        "note": "unsorted input with each tie's negative before its positive: per-item evaluation differs",
    },
    {
        "name": "tie with the positive listed first",
        "kind": "hidden",
        "args": (np.array([1, 0, 1, 0, 1]), np.array([0.7, 0.7, 0.2, 0.2, 0.9])),
        "note": "the same ties in the other order: the answer must not change",
    },
    {
        "name": "no positives",
        "kind": "hidden",
        "args": (np.zeros(4, dtype=np.int64), np.array([0.2, 0.4, 0.1, 0.9])),
        "expected": 0.0,
        "note": "no positive label: 0.0",
    },
    {
        "name": "single item",
        "kind": "hidden",
        "args": (np.array([1]), np.array([0.3])),
        "expected": 1.0,
        "note": "single input, positive",
    },
    {
        "name": "all positives",
        "kind": "hidden",
        "args": (np.ones(5, dtype=np.int64), np.array([0.1, 0.5, 0.5, 0.2, 0.9])),
        "expected": 1.0,
        "note": "precision is 1 at every threshold",
    },
    {
        "name": "worst ranking",
        "kind": "hidden",
        "args": (np.array([1, 1, 0, 0, 0, 0]), np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
        "note": "positives ranked last, scores in ascending order",
    },
    {
        "name": "negative and large scores",
        "kind": "hidden",
        "args": (np.array([0, 1, 1, 0, 1]), np.array([-1e9, 3e8, -2.5, -2.5, 1e12])),
        "note": "scores are not probabilities: any real values, with a tie at -2.5",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": (_BIG_Y, _BIG_S),
        "note": "n = 200,000 items, 1% positives, scores rounded to 0.01 (many ties)",
    },
]
