"""Tests for beam search over a bigram table. Trusted: never shown to the learner's sandbox."""

import numpy as np

NI = -np.inf


def generate(rng, size):
    """V = size tokens; sparse tables; half of them quantised to multiples of 1/8 (exact ties)."""
    v = max(2, int(size))
    logits = rng.normal(0, float(rng.choice([0.5, 1.5, 3.0])), size=(v, v))
    table = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    if rng.random() < 0.5:
        table = np.minimum(np.round(table * 8) / 8, 0.0)
    table[rng.random(size=(v, v)) < 0.3] = NI
    for row in range(v):
        if np.all(table[row] == NI):
            table[row, int(rng.integers(v))] = -1.0
    start, eos = (int(t) for t in rng.choice(v, size=2, replace=False))
    return (table, start, eos, int(rng.integers(1, 9)), int(rng.integers(0, 31)))


with np.errstate(divide="ignore"):
    _EXAMPLE = np.log(
        np.array([[0, 0, 0.5, 0.4], [1, 0, 0, 0], [0, 0.3, 0.4, 0.3], [0, 0.9, 0.1, 0]])
    )

# every path has the same score -1 per step: only the tie rule decides
_FLAT = np.full((4, 4), -1.0)

# [0, 1] and [0, 2] differ by 1e-10; both then reach eos 3 at -0.5
_NEAR_TIE = np.array(
    [
        [NI, -1.0 - 1e-10, -1.0, NI],
        [NI, NI, NI, -0.5],
        [NI, NI, NI, -0.5],
        [0.0, NI, NI, NI],
    ]
)

CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE, 0, 1, 2, 3),
        "note": "the example from the prompt: width 2 finds the 0.36 path",
    },
    {
        "name": "prompt example, greedy",
        "kind": "visible",
        "args": (_EXAMPLE, 0, 1, 1, 3),
        "note": "width 1 is greedy search",
    },
    {
        "name": "no steps",
        "kind": "hidden",
        "args": (_EXAMPLE, 0, 1, 3, 0),
        "expected": ([0], 0.0),
        "note": "max_len = 0: only the start token",
    },
    {
        "name": "all scores tied",
        "kind": "hidden",
        "args": (_FLAT, 2, 3, 3, 3),
        "note": "every candidate scores the same: the lexicographically smallest sequence wins",
    },
    {
        "name": "near-tie within 1e-10",
        "kind": "hidden",
        "args": (_NEAR_TIE, 0, 3, 2, 4),
        "note": "[0, 2, 3] beats [0, 1, 3] by 1e-10: not a tie, the higher score wins",
    },
    {
        "name": "near-tie cut by the width",
        "kind": "hidden",
        "args": (_NEAR_TIE, 0, 3, 1, 4),
        "note": "width 1 keeps [0, 2], 1e-10 ahead of [0, 1]; kills wrong/rounds_scores_when_ranking.py, "
        "which ranks on rounded scores (a tie, so [0, 1] by order) and never sees [0, 2] again",
    },
    {
        "name": "eos takes a slot",
        "kind": "hidden",
        "args": (
            np.array(
                [
                    [NI, -0.5, -1.25, -2.0],
                    [NI, NI, -0.125, -2.5],
                    [-1.0, NI, NI, -0.75],
                    [0.0, NI, NI, NI],
                ]
            ),
            0,
            3,
            2,
            4,
        ),
        "note": "a finished hypothesis uses one of the beam_width slots in its step",
    },
    {
        "name": "finished sequence is not extended",
        "kind": "hidden",
        "args": (
            np.array([[NI, -0.25, -2.0], [NI, NI, -3.0], [NI, 0.0, NI]]),
            0,
            2,
            3,
            5,
        ),
        "note": "from eos the table continues at no cost: extending a finished sequence would change the answer",
    },
    {
        "name": "eos unreachable",
        "kind": "hidden",
        "args": (np.array([[-0.5, -1.0, NI], [-0.25, -2.0, NI], [NI, NI, 0.0]]), 0, 2, 3, 6),
        "note": "nothing finishes: the best live sequence after max_len steps",
    },
    {
        "name": "short finished beats long live",
        "kind": "hidden",
        "args": (np.array([[-0.125, -3.0], [0.0, 0.0]]), 0, 1, 2, 30),
        "note": "no length normalisation: scores only",
    },
    {
        "name": "live beats finished",
        "kind": "hidden",
        "args": (np.array([[-0.25, -2.0], [0.0, 0.0]]), 0, 1, 2, 3),
        "expected": ([0, 0, 0, 0], -0.75),
        "note": "an early finished [0, 1] (-2) loses to the live [0, 0, 0, 0] (-0.75) at max_len",
    },
    {
        "name": "width larger than the candidates",
        "kind": "hidden",
        "args": (_EXAMPLE, 0, 1, 8, 5),
        "note": "beam_width exceeds the number of candidates",
    },
    {
        "name": "largest stated size",
        "kind": "hidden",
        "args": generate(np.random.default_rng(100), 100)[:3] + (8, 30),
        "note": "V = 100, width 8, 30 steps",
    },
    {
        "name": "exact tie across parents cut by the width",
        "kind": "hidden",
        "args": (np.array([[-0.25, 0.0, -0.5], [NI, -0.5, NI], [NI, -0.25, -0.25]]), 0, 2, 2, 3),
        "expected": ([0, 0, 0, 1], -0.5),
        "note": "[0, 0, 0] and [0, 1, 1] tie at -0.5 but come from parents with different "
        "scores: the width keeps the lexicographically smaller one (kills a sort that breaks "
        "ties by insertion order instead of by sequence)",
    },
    {
        "name": "finished and live tie at the end",
        "kind": "hidden",
        "args": (
            np.array(
                [
                    [0.0, -0.5, NI, NI],
                    [NI, NI, -0.5, -0.5],
                    [-0.25, -0.25, NI, NI],
                    [0.0, -0.25, NI, -0.5],
                ]
            ),
            2,
            1,
            2,
            3,
        ),
        "expected": ([2, 0, 0, 0], -0.25),
        "note": "the finished [2, 1] and the live [2, 0, 0, 0] both score -0.25: the final choice "
        "breaks the tie by sequence, not by which list it came from",
    },
]
