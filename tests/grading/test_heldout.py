"""The independent evaluation set (tests/grading/heldout/) and the claim grader on it.

The answers were written by helpers who saw only each question's prompt, at eight
levels of quality, and labelled 0-4 before any grader ran; nothing is trained or
tuned on them. These tests keep the set broad, and recompute the default (hybrid)
grader's and the claim grader's figures against the grading issue's targets (a strict
xfail while they are not met) and against what shipped (docs/grading.md quotes both).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from grading_threads import in_threads

from mlprep.content import Bank
from mlprep.grading import get_grader
from mlprep.grading._claims import ClaimGrader
from mlprep.grading._hybrid import HybridGrader
from mlprep.grading.evaluation import (
    HELDOUT_TARGETS,
    LEVELS,
    UNSEEN_QUESTIONS,
    HeldoutFigures,
    heldout_figures,
    label_of_score,
    load_heldout,
)

HELDOUT = Path(__file__).parent / "heldout"
WRITTEN_CATEGORIES = {"theory", "case-study", "applied", "system-design", "recsys"}


@pytest.fixture(scope="module")
def answers():  # type: ignore[no-untyped-def]
    return load_heldout(HELDOUT)


def test_the_set_is_broad_and_complete(answers, bank: Bank) -> None:  # type: ignore[no-untyped-def]
    per_question = Counter(a.question_id for a in answers)
    assert len(per_question) >= 30
    for question_id, count in per_question.items():
        assert question_id in bank, question_id
        levels = sorted(a.level for a in answers if a.question_id == question_id)
        assert count == len(LEVELS) and levels == sorted(LEVELS), question_id
    categories = {bank.get(q).category.value for q in per_question}
    assert categories == WRITTEN_CATEGORIES
    assert set(per_question) >= UNSEEN_QUESTIONS


HELDOUT2 = Path(__file__).parent / "heldout2"


def test_the_second_set_is_complete_and_on_other_questions(answers, bank: Bank) -> None:  # type: ignore[no-untyped-def]
    # written from `mlprep show` alone by two more writers on second-edition questions,
    # labelled before any grader ran; measured in docs/grading.md, never tuned on
    second = load_heldout(HELDOUT2)
    per_question = Counter(a.question_id for a in second)
    assert len(per_question) >= 25
    assert not set(per_question) & {a.question_id for a in answers}
    for question_id in per_question:
        assert question_id in bank, question_id
        levels = sorted(a.level for a in second if a.question_id == question_id)
        assert levels == sorted(LEVELS), question_id
    assert {bank.get(q).category.value for q in per_question} == WRITTEN_CATEGORIES


def test_score_bands_put_the_pass_mark_at_label_three() -> None:
    assert [
        label_of_score(s) for s in (0.0, 0.14, 0.15, 0.34, 0.35, 0.59, 0.6, 0.79, 0.8, 1.0)
    ] == [
        0,
        0,
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


# -- the targets ---------------------------------------------------------------------
#
# The default grader's (hybrid) and the claim grader's figures on the whole set,
# recomputed here from one reading of each answer. The issue's targets are not met yet
# (docs/grading.md has the figures): the target test is a strict xfail, so it turns into
# a failure the day they are met and the marker must go. FLOORS are the figures of what
# ships, rounded down: a model or scoring change that does worse fails here.

FLOORS: dict[str, dict[str, float]] = {
    # hybrid (the default) with the shipped claim model, measured 2026-12-03
    "default": {
        # 0.721 when measured; 0.719 after the bank's changes of the afternoon (a rubric
        # concept fixed in credit-model-monitoring, new questions for the topic ratio's
        # nearest other question), with the grader's code unchanged. Session 10, the same
        # code that passed at 0.719 on stop 24's CI gave kappa 0.708, fluent-wrong 0.426
        # with 10 passing and unseen kappa 0.625 on an AVX2-only AMD EPYC: onnxruntime's
        # int8 kernels differ by instruction set (AVX2 vs AVX-512/VNNI; not yet proven),
        # so the floors are the lower of the two machines' figures, rounded down
        "qwk": 0.70,
        "spearman": 0.71,
        "strong_over_weak": 0.96,
        "fluent_wrong_mean_max": 0.43,
        "fluent_wrong_passed_max": 10,
        "keywords_mean_max": 0.02,
        "off_topic_mean_max": 0.10,
        "expert_short_pass": 0.87,
        "unseen_qwk": 0.62,
    },
    "claims": {
        "qwk": 0.55,
        "spearman": 0.53,
        "strong_over_weak": 0.93,
        "fluent_wrong_mean_max": 0.50,
        "fluent_wrong_passed_max": 8,
        "keywords_mean_max": 0.05,
        "off_topic_mean_max": 0.40,
        "expert_short_pass": 0.71,
        "unseen_qwk": 0.52,
    },
}


@pytest.fixture(scope="module")
def figures(answers, bank: Bank) -> dict[str, HeldoutFigures]:  # type: ignore[no-untyped-def]
    hybrid = get_grader("default")
    assert isinstance(hybrid, HybridGrader)
    claims = get_grader("claims")
    assert isinstance(claims, ClaimGrader)
    readings = in_threads(lambda a: hybrid.read(bank.get(a.question_id), a.text), answers)
    scores = {
        "default": [
            hybrid.score(bank.get(a.question_id), r).score
            for a, r in zip(answers, readings, strict=True)
        ],
        "claims": [
            claims.score(bank.get(a.question_id), r.claims).score
            for a, r in zip(answers, readings, strict=True)
        ],
    }
    return {name: heldout_figures(answers, s, grader=name) for name, s in scores.items()}


@pytest.mark.xfail(strict=True, reason="the issue's targets are not met yet: docs/grading.md")
def test_the_default_grader_meets_the_issue_targets(figures: dict[str, HeldoutFigures]) -> None:
    failures = figures["default"].failures(HELDOUT_TARGETS)
    assert not failures, failures


@pytest.mark.parametrize("name", ["default", "claims"])
def test_no_worse_than_what_shipped(figures: dict[str, HeldoutFigures], name: str) -> None:
    worse = []
    for key, floor in FLOORS[name].items():
        value = getattr(figures[name], key.removesuffix("_max"))
        if (value > floor) if key.endswith("_max") else (value < floor):
            worse.append(f"{key}: {value:.3f} vs {floor}")
    assert not worse, worse
