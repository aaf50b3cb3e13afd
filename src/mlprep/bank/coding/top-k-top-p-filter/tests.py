"""Tests for top-k / top-p filtering. Trusted: never shown to the learner's sandbox."""

import numpy as np


def _running_sums(probs, k):
    order = np.argsort(-probs, kind="stable")
    if 0 < k < len(order):
        order = order[:k]
    kept = probs[order] / probs[order].sum()
    return np.cumsum(kept)


def _safe_p(rng, probs, k):
    """A p whose running sums all stay at least 1e-9 away (as the prompt promises)."""
    sums = _running_sums(probs, k)
    while True:
        p = float(rng.choice([1.0, rng.uniform(0.01, 0.999)]))
        if p == 1.0 or np.min(np.abs(sums - p)) > 1e-8:
            return p


def generate(rng, size):
    """V = size tokens; peaked or flat; sometimes quantised (many exact ties) or with zeros."""
    v = max(1, int(size))
    logits = rng.normal(0, float(rng.choice([0.5, 2.0, 5.0])), size=v)
    probs = np.exp(logits - logits.max())
    if rng.random() < 0.4:
        probs = np.round(probs * 8) + (rng.random(size=v) < 0.5)  # few levels: exact ties
    if rng.random() < 0.3:
        probs[rng.random(size=v) < 0.2] = 0.0
    if probs.sum() == 0:
        probs[int(rng.integers(v))] = 1.0
    probs = probs / probs.sum()
    k = int(rng.choice([0, 1, 2, max(1, v // 3), v, v + 5]))
    return (probs, k, _safe_p(rng, probs, k))


_EXAMPLE = np.array([0.05, 0.4, 0.1, 0.3, 0.15])


def _big_ties():
    rng = np.random.default_rng(50)
    levels = rng.integers(1, 6, size=50_000).astype(float)
    return (levels / levels.sum(), 12_345, 1.0)


def _big_nucleus():
    rng = np.random.default_rng(51)
    probs = np.exp(rng.normal(0, 3, size=50_000))
    probs /= probs.sum()
    return (probs, 0, _safe_p(rng, probs, 0))


CASES = [
    {
        "name": "prompt example",
        "kind": "visible",
        "args": (_EXAMPLE, 4, 0.72),
        "note": "the example from the prompt: top-p on the renormalised top-k survivors",
    },
    {
        "name": "prompt example without top-k",
        "kind": "visible",
        "args": (_EXAMPLE, 0, 0.72),
        "note": "k = 0 turns top-k off",
    },
    {
        "name": "single token",
        "kind": "hidden",
        "args": (np.array([1.0]), 1, 0.3),
        "expected": np.array([1.0]),
        "note": "V = 1",
    },
    {
        "name": "exact ties at the cut",
        "kind": "hidden",
        "args": (np.array([0.1, 0.3, 0.3, 0.3]), 2, 1.0),
        "note": "three equal tokens, k = 2: the two lower indices stay (not all three, not the higher ones)",
    },
    {
        "name": "near-ties within 1e-10",
        "kind": "hidden",
        "args": (np.array([0.25 - 1e-10, 0.25, 0.25 + 1e-10, 0.25]), 2, 1.0),
        "note": "not bit-equal: index 2 ranks first, then index 1 (lower of the exact tie)",
    },
    {
        "name": "running sum exactly p",
        "kind": "hidden",
        "args": (np.array([0.125, 0.5, 0.25, 0.125]), 0, 0.75),
        "note": "0.5 + 0.25 == 0.75 exactly: the crossing token is kept, nothing more",
    },
    {
        "name": "top-k then exact boundary",
        "kind": "hidden",
        "args": (np.array([0.375, 0.125, 0.25, 0.25]), 3, 0.5),
        "note": "kept mass 0.875 renormalises to 3/7, 2/7, 2/7: two tokens reach 0.5; raw sums would stop at the same token only by accident",
    },
    {
        "name": "k larger than the nonzero tokens",
        "kind": "hidden",
        "args": (np.array([0.0, 0.6, 0.0, 0.4, 0.0]), 4, 1.0),
        "note": "zeros stay zero; k >= nonzero count keeps the whole support",
    },
    {
        "name": "k at least V",
        "kind": "hidden",
        "args": (np.array([0.2, 0.5, 0.3]), 7, 0.6),
        "note": "k > V keeps everything before top-p",
    },
    {
        "name": "tiny p",
        "kind": "hidden",
        "args": (np.array([0.3, 0.2, 0.5]), 0, 0.01),
        "expected": np.array([0.0, 0.0, 1.0]),
        "note": "p below the top probability keeps only the top token",
    },
    {
        "name": "large vocabulary with many exact ties",
        "kind": "hidden",
        "args": _big_ties(),
        "note": "V = 50,000 with five probability levels and k inside a tie group: needs a stable ranking",
    },
    {
        "name": "large vocabulary nucleus",
        "kind": "hidden",
        "args": _big_nucleus(),
        "note": "V = 50,000, top-p only",
    },
]
