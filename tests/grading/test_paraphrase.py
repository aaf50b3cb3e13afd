"""Answers in the candidate's own words: synonyms, word order, negation scope, and the
own-words samples of the bank (``strong-own-words`` / ``weak-on-topic``)."""

from __future__ import annotations

import statistics
from dataclasses import replace

from mlprep.content import Question
from mlprep.grading._lexical import DEFAULT_PARAMS, LexicalGrader
from mlprep.grading._lexical_report import lexical_shares
from mlprep.grading._text import sentences
from mlprep.grading.calibration import LabelledAnswer


def _shares(question: Question, text: str, **params: object) -> dict[str, float]:
    grader = LexicalGrader(replace(DEFAULT_PARAMS, **params))  # type: ignore[arg-type]
    rubric, analysis = grader.analyse(question, text)
    return {
        c.criterion.id: s for c, s in zip(rubric.criteria, lexical_shares(analysis), strict=True)
    }


def test_word_order_does_not_matter_within_a_short_window(bias_variance: Question) -> None:
    text = "For high bias, use a model that is richer; for high variance, collect more data."
    assert _shares(bias_variance, text, unordered_slack=0)["remedies"] == 0.5
    assert _shares(bias_variance, text)["remedies"] == 1.0
    far = (
        "For high bias, pick the model we discussed at length with the whole team during "
        "the quarterly planning meeting, a richer one; for high variance, collect more data."
    )
    assert _shares(bias_variance, far)["remedies"] == 0.5


def test_everyday_synonyms_count_as_the_rubric_word(bias_variance: Question) -> None:
    text = "For high bias, use a larger model; for high variance, collect more data."
    assert _shares(bias_variance, text, synonyms=False)["remedies"] == 0.5
    assert _shares(bias_variance, text)["remedies"] == 1.0


def test_yes_no_and_if_not_are_not_negations() -> None:
    [s] = sentences("For a yes/no label the loss is the cross-entropy.")
    assert not any(c.negated for c in s.clauses)
    [s] = sentences("If not, it must go, since it leaks the answer.")
    assert not any(c.negated for c in s.clauses)
    [s] = sentences("It is not sensitive, flexible or complex, but it is simple.")
    assert [c.negated for c in s.clauses] == [True, True, False]


def test_without_denies_only_its_own_phrase() -> None:
    [s] = sentences("Without labels, you judge clusters by their silhouette.")
    assert [c.negated for c in s.clauses] == [True, False]


def test_own_words_samples_on_heldout_questions(
    holdout: list[LabelledAnswer], lexical_holdout_scores: list[float]
) -> None:
    """Every held-out question has an own-words strong and an on-topic weak sample; the
    default grader ranks them right and gives the strong ones most of their credit."""
    # the lexical grader's scores, graded once per session (conftest.py)
    by_question: dict[str, dict[str, float]] = {}
    for a, score in zip(holdout, lexical_holdout_scores, strict=True):
        if a.sample.id in ("strong-own-words", "weak-on-topic"):
            by_question.setdefault(a.question.id, {})[a.sample.id] = score
    assert len(by_question) >= 5
    assert all(len(v) == 2 for v in by_question.values())
    for qid, got in by_question.items():
        assert got["strong-own-words"] > got["weak-on-topic"], qid
    strong = [v["strong-own-words"] for v in by_question.values()]
    weak = [v["weak-on-topic"] for v in by_question.values()]
    # Regression floors at the measured level (2026-11-26: 0.87 and 0.14), not targets.
    assert statistics.fmean(strong) >= 0.8
    assert statistics.fmean(weak) <= 0.2
