"""Finding a rubric's paraphrases in an answer's sentences.

A sentence becomes a ``Line``: its lemmas, each with the rubric words it stands for
(equal, a synonym, a slip or the same stem: ``equivalents``) and whether its clause
is negated. A paraphrase occurs when its words follow in order with small gaps, or
(for concepts) its content words fall in any order inside a short window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._synonyms import LINKING_VERBS, SYNONYMS
from ._text import FUNCTION_WORDS, Sentence

if TYPE_CHECKING:
    from ._rubric import CompiledRubric, Phrase

__all__ = [
    "ConceptHit",
    "Line",
    "equivalents",
    "find_phrase",
    "find_unordered",
    "phrase_hits",
    "read_line",
    "rubric_coverage",
]


def equivalents(
    rubric: CompiledRubric, word: str, cutoff: float, synonyms: bool = True
) -> frozenset[str]:
    """The rubric words (and ``word`` itself) that an answer's ``word`` counts as."""
    key = word if synonyms else "\0" + word
    hit = rubric.equivalents.get(key)
    if hit is not None:
        return hit
    if word in LINKING_VERBS:
        found = LINKING_VERBS
    elif word in FUNCTION_WORDS:
        found = frozenset({word})
    else:
        index = rubric.index
        similar = index.similar(word, cutoff)
        similar.add(word)
        if synonyms:
            # "mistake" counts as the rubric's "error", and so does a slip of it
            for other in SYNONYMS.get(word, frozenset()) - {word}:
                similar |= index.similar(other, cutoff)
        found = frozenset(similar)
    if len(rubric.equivalents) < 50_000:
        rubric.equivalents[key] = found
    return found


@dataclass
class Line:
    """A sentence flattened for matching: tokens, end offsets and negation per token."""

    sentence: Sentence
    tokens: list[str]
    ends: list[int]
    negated: list[bool]
    equivalents: list[frozenset[str]]
    # every rubric word some token of the line stands for: a phrase with a word outside
    # it cannot occur in the line, which most phrases of most sentences can be told by
    present: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.present = frozenset().union(*self.equivalents)


def read_line(
    sentence: Sentence, rubric: CompiledRubric, cutoff: float, synonyms: bool = True
) -> Line:
    tokens: list[str] = []
    ends: list[int] = []
    negated: list[bool] = []
    for clause in sentence.clauses:
        tokens += clause.tokens
        ends += clause.ends
        negated += [clause.negated] * len(clause.tokens)
    eq = [equivalents(rubric, t, cutoff, synonyms) for t in tokens]
    return Line(sentence, tokens, ends, negated, eq)


def find_phrase(line: Line, phrase: Phrase, gap: int, begin: int = 0) -> tuple[int, int] | None:
    """First occurrence of ``phrase`` in ``line`` from token ``begin`` on, as token indices
    [i, j], with at most ``gap`` other words between two of its words."""
    if not line.present.issuperset(phrase.tokens):
        return None
    first = phrase.tokens[0]
    n = len(line.tokens)
    for i in range(begin, n):
        if first not in line.equivalents[i]:
            continue
        pos = i
        ok = True
        for word in phrase.tokens[1:]:
            nxt = None
            for k in range(pos + 1, min(n, pos + gap + 2)):
                if word in line.equivalents[k]:
                    nxt = k
                    break
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return i, pos
    return None


def find_unordered(
    line: Line, words: tuple[str, ...], need: int, window: int
) -> tuple[int, int] | None:
    """The first span of at most ``window`` tokens holding ``need`` of ``words``, in any
    order (each word matched at a different position), as token indices [i, j]."""
    n = len(line.tokens)
    present = line.present
    if sum(word in present for word in words) < need:
        return None
    positions: list[list[int]] = []
    for word in words:
        if word in present:
            positions.append([k for k in range(n) if word in line.equivalents[k]])
        else:
            positions.append([])
    if sum(bool(p) for p in positions) < need:
        return None
    starts = sorted({k for p in positions for k in p})
    for i in starts:
        end = min(n, i + window)
        used: set[int] = set()
        found = 0
        last = i
        for p in positions:
            k = next((k for k in p if i <= k < end and k not in used), None)
            if k is not None:
                used.add(k)
                found += 1
                last = max(last, k)
        if found >= need:
            return i, last
    return None


@dataclass
class ConceptHit:
    line: int
    first: int
    last: int
    negated: bool
    phrase: str = ""
    weight: float = 1.0  # 1: the concept is expressed; less: partly (most of its words)


def phrase_hits(
    lines: list[Line],
    ignored: set[int],
    phrases: tuple[Phrase, ...],
    gap: int,
    *,
    slack: int = 0,
    partial: float = 0.0,
) -> list[ConceptHit]:
    """Occurrences of a concept's paraphrases: in order with small gaps (full credit);
    with ``slack``, also its content words in any order within a short window (full
    credit); with ``partial``, all but one of 3+ content words in such a window (that
    share of the concept). A line stops at its first full, non-negated hit."""
    hits = []
    for index, line in enumerate(lines):
        if index in ignored:
            continue
        best_partial: ConceptHit | None = None
        full = False
        for phrase in phrases:
            weight = 1.0
            found = find_phrase(line, phrase, gap)
            content = phrase.content
            if found is None and slack and len(content) >= 2 and not phrase.negative:
                found = find_unordered(line, content, len(content), len(content) + slack)
            if found is None and partial and len(content) >= 3 and not phrase.negative:
                found = find_unordered(line, content, len(content) - 1, len(content) + slack)
                weight = partial
            if found is None:
                continue
            first, last = found
            # "correlation, not causation": a paraphrase may carry its own negation.
            negated = not phrase.negative and any(line.negated[first : last + 1])
            hit = ConceptHit(index, first, last, negated, phrase.text, weight)
            if weight < 1.0:
                if not negated and best_partial is None:
                    best_partial = hit
                continue
            hits.append(hit)
            if not negated:
                full = True
                break
        if best_partial is not None and not full:
            hits.append(best_partial)
    return hits


def rubric_coverage(
    lines: list[Line], ignored: set[int], rubric: CompiledRubric, gap: int
) -> float:
    """Share of the answer's words that belong to an occurrence of a rubric paraphrase."""
    phrases = [p for c in rubric.criteria for concept in c.concepts for p in concept.phrases]
    covered = total = 0
    for index, line in enumerate(lines):
        if index in ignored:
            continue
        marks = [False] * len(line.tokens)
        for phrase in phrases:
            begin = 0
            while (found := find_phrase(line, phrase, gap, begin)) is not None:
                first, last = found
                for k in range(first, last + 1):
                    marks[k] = True
                begin = first + 1
        covered += sum(marks)
        total += len(marks)
    return covered / total if total else 0.0
