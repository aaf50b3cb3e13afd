"""A content check: every rubric concept is found in the question's own model answer.

A concept none of whose paraphrases the lexical grader finds in the model answer is
either a paraphrase list that cannot match (a word fragment such as "quantis", a
number written another way) or a point the model answer does not make; either way
the rubric and the answer disagree, and `mlprep content check` reports it at the
concept's line in rubric.toml.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mlprep.content._errors import ContentError
from mlprep.content._locate import TomlPositions

from ._lexical import DEFAULT_PARAMS, analyse
from ._rubric import compile_rubric

if TYPE_CHECKING:
    from mlprep.content import Question

__all__ = ["unmatched_concepts"]


def _concept_line(lines: list[str], from_line: int, first: str) -> int:
    """The line (1-based) at or after ``from_line`` that holds the concept's first
    paraphrase as a TOML string; ``from_line`` when none does."""
    quoted = json.dumps(first, ensure_ascii=False)
    for number in range(from_line, len(lines) + 1):
        if quoted in lines[number - 1] or f"'{first}'" in lines[number - 1]:
            return number
    return from_line


def unmatched_concepts(question: Question) -> list[ContentError]:
    """One error per rubric concept that no paraphrase expresses in the model answer."""
    if question.is_coding or not question.answer.strip():
        return []
    rubric = compile_rubric(question)
    analysis = analyse(rubric, question.answer, DEFAULT_PARAMS)
    path = question.file("rubric.toml")
    text = path.read_text(encoding="utf-8")
    positions = TomlPositions(text)
    lines = text.splitlines()
    errors: list[ContentError] = []
    for ci, (criterion, hits_by_concept) in enumerate(
        zip(rubric.criteria, analysis.concept_hits, strict=True)
    ):
        start, _ = positions.find(("criterion", ci, "concepts"))
        for concept, hits in zip(criterion.concepts, hits_by_concept, strict=True):
            if any(not h.negated and h.weight >= 1.0 for h in hits):
                continue
            line = _concept_line(lines, start, concept.label)
            errors.append(
                ContentError(
                    path,
                    line,
                    1,
                    f"criterion '{criterion.criterion.id}': no paraphrase of the concept "
                    f"'{concept.label}' is found in answer.md (add the words the model "
                    "answer uses, or make the answer state the point)",
                )
            )
    return errors
