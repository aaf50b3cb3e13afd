"""Offline grading of free-text answers against a question's rubric.

    >>> from mlprep.content import load_bank
    >>> from mlprep.grading import grade
    >>> report = grade(load_bank().get("bias-variance"), "Bias is ...")
    >>> report.score, [c.status for c in report.criteria]

Graders: ``default`` is ``hybrid`` (the lexical grader's coverage of each criterion,
checked by the claim model: a contradicted point earns nothing, misconceptions cost,
an answer to another question earns little); ``lexical`` (key terms and paraphrases,
lemmatised, negation-aware; fast, no model; the default's fallback when the claim
model cannot load), ``semantic`` (adds sentence embeddings per criterion; needs
``pip install 'mlprep[semantic]'``) and ``claims`` (the trained cross-encoder alone:
whether the answer states, contradicts or does not address each rubric claim;
onnxruntime, no torch). Others plug in with ``register_grader``. See docs/grading.md.
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


def _lexical() -> Grader:
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


def _hybrid() -> Grader:
    from ._claims import ClaimGrader
    from ._hybrid import HybridGrader

    claims = get_grader("claims")  # one model per process, shared with `claims`
    assert isinstance(claims, ClaimGrader)
    return HybridGrader(claims=claims)


def _default() -> Grader:
    """The hybrid grader; the lexical one when the claim model cannot load (a broken
    install), so that grading never stops working."""
    try:
        return get_grader("hybrid")
    except Exception:  # UsageError naming the missing model file or package
        return get_grader("lexical")


register_grader(
    "default",
    _default,
    description="hybrid: key-term coverage checked by the claim model (contradictions, "
    "misconceptions and off-topic answers cost)",
)
register_grader(
    "lexical",
    _lexical,
    description="key terms and paraphrases of each rubric concept, lemmatised, negation-aware "
    "(fast, no model)",
)
register_grader(
    "semantic",
    _semantic,
    description="lexical grader plus per-criterion sentence embeddings (multilingual-e5-small)",
    requires="semantic",
)
register_grader(
    "claims",
    _claims,
    description="a trained cross-encoder reads whether the answer states or contradicts each claim",
)
register_grader(
    "hybrid",
    _hybrid,
    description="key-term coverage checked by the claim model (contradictions, misconceptions, "
    "off-topic answers)",
)
