"""Which passages of an answer are about which claims: shared key words.

The claim model reads a negated or judging sentence ("the colleague's diagnosis is
wrong", "KL isn't a distance") as contradicting almost any claim put beside it, and
one such sentence used to zero a strong answer. A contradiction, or support for a
misconception, must be about the claim: the passage has to share the claim's key
words (six-letter stems of its content words, each weighted by how few of the
question's claims use it), and share them about as well as it shares any other
claim's. ``aboutness`` is that share per (claim, passage); ``about_mask`` applies the
rule. Cheap (no model): the hybrid grader also uses it to read only those pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from ._text import FUNCTION_WORDS

__all__ = ["about_mask", "aboutness", "key_stems"]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)?")
STEM = 6


def key_stems(text: str) -> frozenset[str]:
    """A text's content words, lower-cased and cut to six letters ("overfits" and
    "overfitting" -> "overfi"); numbers are kept whole."""
    out = set()
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word[0].isdigit():
            out.add(word)
        elif len(word) > 2 and word not in FUNCTION_WORDS:
            out.update(part[:STEM] for part in word.split("-") if len(part) > 2)
    return frozenset(out)


def aboutness(claims: Sequence[str], passages: Sequence[str]) -> np.ndarray:
    """(claims, passages): the weighted share of each claim's key words that the passage
    uses. A word's weight is log(1 + claims / claims using it): words every claim of the
    question uses ("model") count little, a claim's own words ("bootstrap") much."""
    claim_stems = [key_stems(c) for c in claims]
    df = Counter(w for stems in claim_stems for w in stems)
    n = max(1, len(claims))
    weight = {w: math.log(1.0 + n / d) for w, d in df.items()}
    out = np.zeros((len(claims), len(passages)), dtype=np.float32)
    passage_stems = [key_stems(p) for p in passages]
    for c, stems in enumerate(claim_stems):
        total = sum(weight[w] for w in stems)
        if total <= 0:
            continue
        for p, found in enumerate(passage_stems):
            out[c, p] = sum(weight[w] for w in stems & found) / total
    return out


def about_mask(about: np.ndarray, margin: float, floor: float) -> np.ndarray:
    """(claims, passages) bool: the passage is about the claim when it shares at least
    ``floor`` of the claim's key words and is within ``margin`` of the claim it shares
    most with. ``margin`` >= 1 and ``floor`` 0: every pair (no such rule)."""
    if (margin >= 1.0 and floor <= 0.0) or about.size == 0:
        return np.ones(about.shape, dtype=bool)
    best = about.max(axis=0, keepdims=True)
    return np.asarray((about >= best - margin) & (about >= floor) & (about > 0.0))
