"""When two words of different spelling count as the same word, and an index that
finds every such word of a rubric's vocabulary quickly."""

from __future__ import annotations

import math

__all__ = ["VocabularyIndex", "same_word"]


def same_word(a: str, b: str, cutoff: float) -> bool:
    """Whether ``a`` and ``b`` are one word: equal, the same stem, or (7+ letters) a
    spelling slip apart by rapidfuzz's ratio (0-100) of at least ``cutoff``."""
    if a == b or a == b + "e" or b == a + "e":  # the lemmatiser's "fixes" -> "fixe"
        return True
    short, long_ = sorted((len(a), len(b)))
    if short < 5:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    if common >= max(5, math.ceil(0.8 * short)) and long_ <= 1.6 * short:
        return True  # same stem: complex/complexity, regularize/regularization
    if short >= 7:
        from rapidfuzz.fuzz import ratio

        # Spelling slips in long words (precision/precisoin, 88.9); one slip in a word of
        # eight letters scores 87.5, under the default cutoff of 88 (variance/varaince).
        return ratio(a, b) >= cutoff
    return False


class VocabularyIndex:
    """A rubric's vocabulary arranged so that a word is compared, with ``same_word``
    itself, only with the vocabulary words that can pass one of its rules.

    ``same_word(a, b)`` holds only when (1) a and b are equal or differ by a final "e",
    (2) both have 5+ letters and the same first 5 (the shared-stem rule asks for a
    common prefix of at least 5), or (3) both have 7+ letters and rapidfuzz's ratio
    reaches the cutoff. ``similar`` gathers the candidates of each rule (for (3), the
    ratios of every 7+ letter word computed at once, with a point of margin) and keeps
    those ``same_word`` accepts: the same set as comparing the word with every
    vocabulary word, found without the millions of calls that took (a test compares
    the two over the bank).
    """

    def __init__(self, vocabulary: tuple[str, ...]) -> None:
        self.words = frozenset(vocabulary)
        self.by_prefix: dict[str, list[str]] = {}
        for v in vocabulary:
            if len(v) >= 5:
                self.by_prefix.setdefault(v[:5], []).append(v)
        self.long = [v for v in vocabulary if len(v) >= 7]

    def similar(self, word: str, cutoff: float) -> set[str]:
        """Every vocabulary word ``v`` with ``same_word(word, v, cutoff)``."""
        candidates = {word, word + "e"}
        if word.endswith("e"):
            candidates.add(word[:-1])
        found = {v for v in candidates if v in self.words}
        if len(word) >= 5:
            found.update(v for v in self.by_prefix.get(word[:5], ()) if same_word(word, v, cutoff))
        if len(word) >= 7 and self.long:
            from rapidfuzz import fuzz, process

            close = process.extract(
                word, self.long, scorer=fuzz.ratio, score_cutoff=max(0.0, cutoff - 1), limit=None
            )
            found.update(v for v, _, _ in close if same_word(word, v, cutoff))
        return found
