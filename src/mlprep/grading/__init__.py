"""Offline grading of free-text answers against a question's rubric.

    >>> from mlprep.content import load_bank
    >>> from mlprep.grading import grade
    >>> report = grade(load_bank().get("bias-variance"), "Bias is ...")
    >>> report.score, [c.status for c in report.criteria]

Three graders ship: ``default`` (key terms and paraphrases, lemmatised, with negation
and misconception detection; fast and light), ``semantic`` (adds sentence
embeddings per criterion; needs ``pip install 'mlprep[semantic]'``) and ``claims``
(a trained cross-encoder judges whether the answer states, contradicts or does not
address each rubric claim; onnxruntime, no torch). Others plug in
with ``register_grader``. See docs/grading.md.
"""

from __future__ import annotations

from ._registry import (
    Grader,
    GraderUnavailable,
    available_graders,
    get_grader,
    grade,
    register_grader,
)
from ._report import (
    GRADE_SCHEMA,
    GRADE_SCHEMA_VERSION,
    PASS_MARK,
    CriterionResult,
    Evidence,
    GradeReport,
    MisconceptionResult,
    score_band,
)

__all__ = [
    "GRADE_SCHEMA",
    "GRADE_SCHEMA_VERSION",
    "PASS_MARK",
    "CriterionResult",
    "Evidence",
    "GradeReport",
    "Grader",
    "GraderUnavailable",
    "MisconceptionResult",
    "available_graders",
    "get_grader",
    "grade",
    "register_grader",
    "score_band",
]


def _default() -> Grader:
    from ._lexical import LexicalGrader

    return LexicalGrader()


def _semantic() -> Grader:
    from ._semantic import SemanticGrader

    return SemanticGrader()


def _claims() -> Grader:
    try:
        from ._claim_model import ModelMissing
        from ._claims import ClaimGrader

        try:
            return ClaimGrader()
        except ModelMissing as exc:
            raise GraderUnavailable(str(exc)) from None
    except ImportError as exc:  # onnxruntime or tokenizers missing: a broken install
        raise GraderUnavailable(f"{exc.name} is not installed") from None


register_grader(
    "default",
    _default,
    description="key terms and paraphrases of each rubric concept, lemmatised, negation-aware",
)
register_grader(
    "semantic",
    _semantic,
    description="default grader plus per-criterion sentence embeddings (multilingual-e5-small)",
    requires="semantic",
)
register_grader(
    "claims",
    _claims,
    description="a trained cross-encoder reads whether the answer states or contradicts each claim",
)
