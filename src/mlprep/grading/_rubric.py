"""A question's rubric compiled for the lexical grader: each paraphrase lemmatised
once, the rubric's vocabulary gathered for spelling-tolerant matching, and the
prompt's sentences kept to spot an answer that copies them."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ._similarity import VocabularyIndex
from ._synonyms import LINKING_VERBS
from ._text import FUNCTION_WORDS, NEGATIONS, lemmas, sentences

if TYPE_CHECKING:
    from mlprep.content import Criterion, Misconception, Question

__all__ = [
    "CompiledCriterion",
    "CompiledMisconception",
    "CompiledRubric",
    "Concept",
    "Phrase",
    "RubricCache",
    "compile_rubric",
]


@dataclass(frozen=True)
class Phrase:
    text: str
    tokens: tuple[str, ...]

    # cached: matching asks for these once per phrase and sentence
    @cached_property
    def negative(self) -> bool:
        return any(t in NEGATIONS for t in self.tokens)

    @cached_property
    def content(self) -> tuple[str, ...]:
        """The phrase's distinct content words, for order-insensitive matching."""
        out: list[str] = []
        for t in self.tokens:
            # linking verbs match each other and short tokens or numbers match too
            # easily to stand for the phrase without its word order
            if t in FUNCTION_WORDS or t in LINKING_VERBS or len(t) < 3 or t.isdigit():
                continue
            if t not in out:
                out.append(t)
        return tuple(out)


@dataclass(frozen=True)
class Concept:
    label: str
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class CompiledCriterion:
    criterion: Criterion
    concepts: tuple[Concept, ...]
    query: tuple[str, ...]


@dataclass(frozen=True)
class CompiledMisconception:
    misconception: Misconception
    phrases: tuple[Phrase, ...]


@dataclass
class CompiledRubric:
    question_id: str
    max_points: float
    criteria: tuple[CompiledCriterion, ...]
    misconceptions: tuple[CompiledMisconception, ...]
    vocabulary: tuple[str, ...]
    prompt_sentences: tuple[str, ...]
    # rubric words an answer word stands for, filled as answers are read
    equivalents: dict[str, frozenset[str]] = field(default_factory=dict)
    _index: VocabularyIndex | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> VocabularyIndex:
        """The vocabulary indexed for spelling-tolerant lookups (built on first use)."""
        if self._index is None:
            self._index = VocabularyIndex(self.vocabulary)
        return self._index


def _phrases(texts: list[str]) -> tuple[Phrase, ...]:
    out: list[Phrase] = []
    for text in texts:
        tokens = tuple(lemmas(text))
        if not tokens:
            continue
        out.append(Phrase(text, tokens))
        joined = "".join(tokens)
        if len(tokens) == 2 and len(joined) >= 6:
            out.append(Phrase(text, (joined,)))  # "trade off" also matches "tradeoff"
    return tuple(out)


def compile_rubric(question: Question) -> CompiledRubric:
    criteria = []
    vocab: set[str] = set()
    for criterion in question.rubric.criterion:
        concepts = []
        for paraphrases in criterion.concepts:
            phrases = _phrases(list(paraphrases))
            concepts.append(Concept(label=paraphrases[0], phrases=phrases))
            for p in phrases:
                vocab.update(p.tokens)
        every_paraphrase = " ".join(p for c in criterion.concepts for p in c)
        query_words = [
            t for t in lemmas(criterion.text + " " + every_paraphrase) if t not in FUNCTION_WORDS
        ]
        criteria.append(CompiledCriterion(criterion, tuple(concepts), tuple(query_words)))
    misconceptions = []
    for m in question.rubric.misconception:
        phrases = _phrases(list(m.phrases))
        misconceptions.append(CompiledMisconception(m, phrases))
        for p in phrases:
            vocab.update(p.tokens)
    prompt = tuple(
        " ".join(lemmas(s.text)) for s in sentences(question.prompt) if len(s.tokens) >= 4
    )
    return CompiledRubric(
        question_id=question.id,
        max_points=question.max_points,
        criteria=tuple(criteria),
        misconceptions=tuple(misconceptions),
        vocabulary=tuple(sorted(vocab)),
        prompt_sentences=prompt,
    )


class RubricCache:
    """Compiled rubrics by question content, so a long-lived grader compiles each once."""

    def __init__(self, size: int = 512) -> None:
        self._items: OrderedDict[str, CompiledRubric] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, question: Question) -> CompiledRubric:
        key = hashlib.sha1(
            (question.id + question.prompt + question.rubric.model_dump_json()).encode()
        ).hexdigest()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
        compiled = compile_rubric(question)
        with self._lock:
            self._items[key] = compiled
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return compiled
