"""The hybrid grader (lexical coverage checked by the claim model) with the real bank."""

from __future__ import annotations

import re

import pytest
from grading_texts import FLUENT_BUT_WRONG, NEGATED_BIAS_VARIANCE, sample

from mlprep.content import Bank, Question
from mlprep.grading import available_graders, get_grader
from mlprep.grading._about import about_mask, aboutness
from mlprep.grading._claims import ClaimGrader, Thresholds
from mlprep.grading._hybrid import (
    ABOUT_THRESHOLDS,
    HybridGrader,
    HybridParams,
    criterion_credit,
    topic_scale,
)
from mlprep.grading._topics import topic_ratio


@pytest.fixture(scope="module")
def hybrid() -> HybridGrader:
    grader = get_grader("hybrid")
    assert isinstance(grader, HybridGrader)
    return grader


def test_the_registry_knows_it_and_it_shares_the_claim_model(hybrid: HybridGrader) -> None:
    assert "hybrid" in available_graders()
    claims = get_grader("claims")
    assert isinstance(claims, ClaimGrader)
    assert hybrid.claims.model is claims.model


def test_a_contradicted_claim_takes_the_lexical_credit_with_it() -> None:
    assert criterion_credit(1.0, 0.0, 0.0, 0.5) == 0.5
    assert criterion_credit(1.0, 1.0, 0.0, 0.5) == 1.0
    assert criterion_credit(1.0, 1.0, 1.0, 0.5) == 0.0
    assert criterion_credit(1.0, 0.0, 0.5, 1.0) == 0.5


def test_below_a_floor_of_one_the_words_need_the_models_support() -> None:
    # all lexical weight: the words alone earn the floor's share, support the rest
    assert criterion_credit(1.0, 0.0, 0.0, 1.0, floor=1.0) == 1.0
    assert criterion_credit(1.0, 0.0, 0.0, 1.0, floor=0.25) == 0.25
    assert criterion_credit(1.0, 1.0, 0.0, 1.0, floor=0.0) == 1.0
    assert criterion_credit(0.5, 0.5, 0.0, 1.0, floor=0.0) == 0.25
    assert criterion_credit(0.0, 1.0, 0.0, 1.0, floor=0.0) == 0.0  # no words, no lexical part


def test_the_topic_ramp() -> None:
    p = HybridParams(topic_low=0.5, topic_high=0.9)
    assert topic_scale(1.0, p) == 1.0
    assert topic_scale(0.9, p) == 1.0
    assert topic_scale(0.5, p) == 0.0
    assert topic_scale(0.7, p) == pytest.approx(0.5)
    assert topic_scale(0.1, HybridParams(topic_high=0.0)) == 1.0  # off


def test_a_model_answer_is_about_its_own_question(written: list[Question]) -> None:
    for q in written:
        assert topic_ratio(q, q.answer) == 1.0, q.id


def test_another_questions_answer_is_further_from_this_one(bank: Bank) -> None:
    essay = bank.get("bias-variance").answer
    for other in ("confusion-matrix-metrics", "dropout", "bagging-vs-boosting"):
        assert topic_ratio(bank.get(other), essay) < 0.9, other


def test_evidence_is_a_real_span_and_feedback_names_claims(
    hybrid: HybridGrader, bias_variance: Question
) -> None:
    for text in (
        bias_variance.answer,
        FLUENT_BUT_WRONG,
        NEGATED_BIAS_VARIANCE,
        *(s.text for s in bias_variance.samples),
    ):
        report = hybrid.grade(bias_variance, text)
        assert report.grader == "hybrid"
        for c in report.criteria:
            if c.evidence is not None:
                assert text[c.evidence.start : c.evidence.end] == c.evidence.text
            assert not re.search(r"missing '", c.feedback)
            if c.status == "met":
                assert c.feedback == "Covered."
        for m in report.misconceptions:
            assert m.evidence is not None
            assert text[m.evidence.start : m.evidence.end] == m.evidence.text


def test_right_beats_wrong(hybrid: HybridGrader, bias_variance: Question) -> None:
    strong = hybrid.grade(bias_variance, sample(bias_variance, "strong")).score
    assert strong >= 0.6
    for text in (FLUENT_BUT_WRONG, NEGATED_BIAS_VARIANCE, sample(bias_variance, "weak")):
        assert hybrid.grade(bias_variance, text).score < strong


def test_an_answer_to_another_question_fails(hybrid: HybridGrader, bank: Bank) -> None:
    essay = bank.get("bias-variance").answer
    for other in ("confusion-matrix-metrics", "dropout", "bagging-vs-boosting"):
        assert not hybrid.grade(bank.get(other), essay).passed, other


def test_thresholds_reach_the_claim_part(hybrid: HybridGrader) -> None:
    strict = HybridGrader(hybrid.lexical, hybrid.claims, HybridParams(thresholds=Thresholds(0.9)))
    assert strict.claims.thresholds.support_low == 0.9
    assert strict.claims.model is hybrid.claims.model


# -- a contradiction, or a misconception, must be about its claim (_about.py) ------------
# Bank samples (never the held-out set) on which the shipped numbers, where any passage
# may contradict any claim, go wrong; the about rule (ABOUT_THRESHOLDS, not shipped:
# docs/grading.md) fixes them. The default's own defect is a strict xfail below.


def _about(hybrid: HybridGrader) -> HybridGrader:
    """The hybrid with the about rule's numbers on the same model."""
    return HybridGrader(hybrid.lexical, hybrid.claims, HybridParams(thresholds=ABOUT_THRESHOLDS))


NEGATED_SENTENCE_SAMPLES = [
    ("batchnorm-small-batch-eval-gap", "Serving in train mode is wrong"),
    ("logistic-coefficients-worked", "These are associations, not causes."),
    ("ab-test-sample-size-power", "It is not the probability that the null is true"),
]


@pytest.mark.parametrize(("question_id", "sentence"), NEGATED_SENTENCE_SAMPLES)
def test_one_negated_sentence_does_not_zero_a_strong_answer(
    hybrid: HybridGrader, bank: Bank, question_id: str, sentence: str
) -> None:
    question = bank.get(question_id)
    text = sample(question, "strong")
    assert sentence in text
    report = _about(hybrid).grade(question, text)
    assert report.passed, report.score
    assert sum(c.status == "contradicted" for c in report.criteria) <= 1


@pytest.mark.xfail(
    strict=True,
    reason="the shipped numbers let any passage contradict any claim: the about rule, which "
    "fixes this, did worse on the held-out set's fluent-but-wrong answers (docs/grading.md)",
)
def test_the_default_keeps_a_strong_answer_with_one_negated_sentence(
    hybrid: HybridGrader, bank: Bank
) -> None:
    for question_id, _ in NEGATED_SENTENCE_SAMPLES:
        question = bank.get(question_id)
        assert hybrid.grade(question, sample(question, "strong")).passed, question_id


def test_a_sentence_contradicting_one_claim_does_not_cost_another(
    hybrid: HybridGrader, bias_variance: Question
) -> None:
    strong = sample(bias_variance, "strong")
    wrong = strong + "\nHigh variance is not reduced by more training data."
    about = _about(hybrid)
    before = {c.id: c.earned for c in about.grade(bias_variance, strong).criteria}
    after = {c.id: c.earned for c in about.grade(bias_variance, wrong).criteria}
    # The sentence is about the remedies (more data for variance); the diagnosis,
    # definitions and trade-off keep what they earned.
    for criterion in ("defines-bias", "defines-variance", "trade-off", "diagnosis"):
        assert after[criterion] == before[criterion], criterion
    shipped = {c.id: c.earned for c in hybrid.grade(bias_variance, wrong).criteria}
    assert shipped["diagnosis"] < before["diagnosis"]  # the shipped numbers' defect


@pytest.mark.parametrize(
    ("question_id", "quality", "misconception"),
    [
        ("multicollinearity-effects", "strong", "hurts-predictions"),
        ("sorted-ids-interpolation-learned-index", "strong", "interpolation-always-faster"),
        ("implicit-als-music", "strong", "ignore-unplayed"),
    ],
)
def test_a_misconception_needs_a_passage_about_it(
    hybrid: HybridGrader, bank: Bank, question_id: str, quality: str, misconception: str
) -> None:
    question = bank.get(question_id)
    text = sample(question, quality)
    charged = {m.id for m in _about(hybrid).grade(question, text).misconceptions}
    assert misconception not in charged
    assert misconception in {m.id for m in hybrid.grade(question, text).misconceptions}


def test_aboutness_weighs_a_claims_own_words() -> None:
    claims = [
        "High variance is reduced by more training data or stronger regularization.",
        "High bias shows as high error on both the training and the validation set.",
    ]
    passages = [
        "More training data does not reduce variance.",
        "The colleague's diagnosis is wrong.",
    ]
    about = aboutness(claims, passages)
    assert about[0, 0] > about[1, 0]
    assert about[:, 1].max() == 0.0  # shares no key word with either claim
    mask = about_mask(about, 0.1, 0.0)
    assert mask[0, 0] and not mask[1, 0] and not mask[:, 1].any()
    assert about_mask(about, 1.0, 0.0).all()  # the rule off: every pair
