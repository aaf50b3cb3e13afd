"""Which question an answer is about: its words against every question's model answer.

An answer written for another question can state true sentences that touch this
question's claims ("a flexible model bends to the noise" read against a bagging
claim). What gives it away is the whole answer: it shares more of its words with the
other question's model answer than with this one's. ``topic_ratio`` is the answer's
TF-IDF cosine with this question's text (prompt and model answer) over its best
cosine with any other question of the built-in bank: 1.0 when no other question is
closer, lower the further it is. The hybrid grader scales an answer down below a
fitted ratio.

The index is built once per process from the bank's text files (prompt.md and
answer.md of each question folder, read as plain text: no validation, ~50 ms).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ._text import FUNCTION_WORDS

if TYPE_CHECKING:
    from mlprep.content import Question

__all__ = ["TopicIndex", "topic_ratio"]

_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_MATH = re.compile(r"\$[^$]*\$")


def _stems(text: str) -> Counter[str]:
    """Content words cut to six letters ("overfitting", "overfits" -> "overfi")."""
    return Counter(
        w[:6]
        for w in (m.group().lower() for m in _WORD.finditer(_MATH.sub(" ", text)))
        if len(w) > 2 and w not in FUNCTION_WORDS
    )


def _question_text(question: Question) -> str:
    return question.prompt + "\n" + question.answer  # as from_folder reads it


class TopicIndex:
    """TF-IDF vectors of the built-in bank's questions, by question id."""

    def __init__(self, documents: dict[str, str]) -> None:
        counts = {qid: _stems(text) for qid, text in documents.items()}
        df: Counter[str] = Counter()
        for c in counts.values():
            df.update(c.keys())
        n = max(1, len(counts))
        self._idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
        self._default_idf = math.log(1 + n) + 1.0
        self._vectors = {qid: self._vector(c) for qid, c in counts.items()}
        # Inverted: per word, the questions that use it and its weight in each, so that
        # an answer's cosine with every question is one pass over the answer's words.
        self._ids = list(self._vectors)
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for row, qid in enumerate(self._ids):
            for w, v in self._vectors[qid].items():
                rows, values = postings.setdefault(w, ([], []))
                rows.append(row)
                values.append(v)
        self._postings = {
            w: (np.array(rows, dtype=np.intp), np.array(values))
            for w, (rows, values) in postings.items()
        }

    @classmethod
    def from_folder(cls, root: Path) -> TopicIndex:
        documents: dict[str, str] = {}
        for answer in sorted(root.glob("*/*/answer.md")):
            prompt = answer.with_name("prompt.md")
            text = answer.read_text(encoding="utf-8", errors="replace")
            if prompt.is_file():
                text = prompt.read_text(encoding="utf-8", errors="replace") + "\n" + text
            documents[answer.parent.name] = text
        return cls(documents)

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        idf = self._idf
        vec = {w: (1 + math.log(c)) * idf.get(w, self._default_idf) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def ratio(self, question: Question, text: str) -> float:
        """cos(answer, this question) / max cos(answer, another question), capped at 1."""
        answer = self._vector(_stems(text))
        if not answer:
            return 1.0
        own = self._vector(_stems(_question_text(question)))

        def cos(vec: dict[str, float]) -> float:
            return sum(v * vec.get(w, 0.0) for w, v in answer.items())

        mine = cos(own)
        cosines = np.zeros(len(self._ids))
        for w, v in answer.items():
            hit = self._postings.get(w)
            if hit is not None:
                cosines[hit[0]] += v * hit[1]
        others = [
            c for qid, c in zip(self._ids, cosines.tolist(), strict=True) if qid != question.id
        ]
        best_other = max(others, default=0.0)
        if best_other <= 0.0:
            return 1.0
        return min(1.0, mine / best_other)


_INDEX: TopicIndex | None = None
_LOCK = threading.Lock()


def topic_ratio(question: Question, text: str) -> float:
    """``TopicIndex.ratio`` against the built-in bank (index built on first use)."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                from mlprep.content import builtin_bank_root

                _INDEX = TopicIndex.from_folder(builtin_bank_root())
    return _INDEX.ratio(question, text)
