"""The claim grader with the shipped model and the real bank: spans, negation, wrong answers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from grading_texts import FLUENT_BUT_WRONG, NEGATED_BIAS_VARIANCE, sample

from mlprep.content import Bank, Question, load_bank
from mlprep.grading import GRADE_SCHEMA_VERSION, GradeReport, available_graders, get_grader
from mlprep.grading._claim_model import MODEL_DIR
from mlprep.grading._claims import ClaimGrader
from mlprep.grading._claimset import question_claims
from mlprep.grading._passages import passages

MODEL_BUDGET_BYTES = 40 * 1024 * 1024
BANK = Path(__file__).resolve().parents[2] / "src" / "mlprep" / "bank"

STATED = """
Bias is the error a model keeps making on average because it is too simple for the pattern:
a straight line fitted to a curve misses it the same way whatever sample you draw.

Variance is how much the fitted model moves when you retrain it on another sample; flexible
models have a lot of it and end up fitting noise.
"""


@pytest.fixture(scope="module")
def claims() -> ClaimGrader:
    grader = get_grader("claims")
    assert isinstance(grader, ClaimGrader)
    return grader


def _spans_are_real(report: GradeReport, text: str) -> None:
    for c in report.criteria:
        if c.evidence is not None:
            assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    for m in report.misconceptions:
        assert m.evidence is not None
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text


def test_the_registry_knows_the_claim_grader(claims: ClaimGrader) -> None:
    assert "claims" in available_graders()
    assert claims.name == "claims"
    assert get_grader("claims") is claims


def test_the_model_ships_within_budget() -> None:
    files = ["encoder.onnx", "joint.onnx", "tokenizer.json", "model.json", "MODEL_CARD.md"]
    assert all((MODEL_DIR / f).is_file() for f in files)
    size = sum((MODEL_DIR / f).stat().st_size for f in files)
    assert size <= MODEL_BUDGET_BYTES, f"{size / 1e6:.1f} MB"


def test_evidence_is_always_a_real_span(claims: ClaimGrader, bias_variance: Question) -> None:
    texts = [
        STATED,
        FLUENT_BUT_WRONG,
        bias_variance.answer,
        *(s.text for s in bias_variance.samples),
        "  • Bias:\tsystematic error — underfitting.\r\n  • Variance: sensitivity to the sample.\n",
        "bias is like when its too simple and variance is when it changes with the data "
        "and so you regularize and uh get more data to fix the variance one " * 3,
    ]
    for text in texts:
        report = claims.grade(bias_variance, text)
        _spans_are_real(report, text)
        for p in passages(text):
            assert text[p.start : p.end] == p.text


def test_a_stated_claim_is_met_and_feedback_asks_only_for_the_rest(
    claims: ClaimGrader, bias_variance: Question
) -> None:
    report = claims.grade(bias_variance, STATED)
    bias, variance = report.criterion("defines-bias"), report.criterion("defines-variance")
    assert bias.status == "met" and variance.status == "met"
    assert bias.feedback == "Covered."
    for c in report.criteria:
        if c.status == "missed":
            assert c.feedback.startswith("State that ")
        # never a bare keyword: "missing 'within'" was the old style
        assert not re.search(r"missing '", c.feedback)


def test_a_negated_claim_is_contradicted(claims: ClaimGrader, bias_variance: Question) -> None:
    report = claims.grade(bias_variance, NEGATED_BIAS_VARIANCE)
    contradicted = [c for c in report.criteria if c.status == "contradicted"]
    assert len(contradicted) >= 3
    for c in contradicted:
        assert c.earned == 0
        assert c.feedback.startswith("Your answer says")
        assert c.evidence is not None and c.evidence.text in NEGATED_BIAS_VARIANCE
    assert report.score <= 0.1
    assert report.to_dict()["version"] == GRADE_SCHEMA_VERSION == 2


def test_the_swapped_bias_variance_answer_fails(
    claims: ClaimGrader, bias_variance: Question
) -> None:
    report = claims.grade(bias_variance, FLUENT_BUT_WRONG)
    assert not report.passed
    assert report.score <= 0.2
    assert any(c.status == "contradicted" for c in report.criteria)


@pytest.mark.parametrize(
    "other",
    [
        "confusion-matrix-metrics",
        "dropout",
        pytest.param(
            "bagging-vs-boosting",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known limit (docs/grading.md): the model credits neighbouring-topic "
                "sentences of the bias-variance essay to bagging-vs-boosting's claims",
            ),
        ),
    ],
)
def test_an_answer_to_another_question_fails(claims: ClaimGrader, bank: Bank, other: str) -> None:
    essay = bank.get("bias-variance").answer
    report = claims.grade(bank.get(other), essay)
    assert not report.passed
    assert report.score <= 0.4, report.score


def test_a_keyword_list_scores_low(claims: ClaimGrader, written: list[Question]) -> None:
    scores = []
    for question in written:
        words = {
            w.lower()
            for c in question.rubric.criterion
            for w in re.findall(r"[A-Za-z-]{4,}", c.text)
        }
        text = ", ".join(sorted(words)[:25])
        report = claims.grade(question, text)
        scores.append(report.score)
        assert report.score <= 0.25, (question.id, report.score)
    assert sum(scores) / len(scores) <= 0.1


def _without_claims(tmp_path: Path) -> Question:
    """bias-variance copied with every ``claims``/``claim`` line and its corpus removed."""
    folder = tmp_path / "bank" / "theory" / "bias-variance"
    shutil.copytree(BANK / "theory" / "bias-variance", folder)
    (folder / "corpus.toml").unlink()
    rubric = folder / "rubric.toml"
    text = re.sub(r"(?ms)^claims = \[.*?^\]\n", "", rubric.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^claim = .*\n", "", text)
    rubric.write_text(text, encoding="utf-8")
    bank = load_bank([tmp_path / "bank"])
    assert not bank.errors, bank.errors
    return bank.get("bias-variance")


def test_questions_without_claims_fall_back_to_the_criterion_text(
    claims: ClaimGrader, tmp_path: Path
) -> None:
    question = _without_claims(tmp_path)
    assert not any(c.claims for c in question.rubric.criterion)
    assert all(m.claim is None for m in question.rubric.misconception)
    specs = question_claims(question)
    assert specs and not any(s.authored for s in specs)
    report = claims.grade(question, question.answer)
    assert len(report.criteria) == len(question.rubric.criterion)
    strong = claims.grade(question, sample(question, "strong")).score
    assert strong > claims.grade(question, "I am not sure, sorry.").score
    assert strong > claims.grade(question, sample(question, "weak")).score
