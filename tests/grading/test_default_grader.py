"""The default grader on real bank questions: scores, feedback, evidence and hostile input."""

from __future__ import annotations

import json
import re
import statistics

import pytest
from grading_texts import FLUENT_BUT_WRONG, NEGATED_BIAS_VARIANCE, sample

from mlprep.content import Question
from mlprep.errors import UsageError
from mlprep.grading import Grader, GradeReport, get_grader, grade


def test_report_shape_and_spans(bias_variance: Question, default_grader: Grader) -> None:
    text = sample(bias_variance, "partial")
    report = default_grader.grade(bias_variance, text)
    assert isinstance(report, GradeReport)
    assert 0.0 <= report.score <= 1.0
    assert [c.id for c in report.criteria] == [c.id for c in bias_variance.rubric.criterion]
    assert {c.status for c in report.criteria} <= {"met", "partly", "missed"}
    for c in report.criteria:
        assert c.feedback.strip() and "\n" not in c.feedback
        if c.status == "missed":
            assert c.earned == 0 and c.evidence is None
        else:
            assert c.evidence is not None
            assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert report.points == pytest.approx(sum(c.earned for c in report.criteria), abs=0.05)


def test_sample_answers_are_ordered(bias_variance: Question, default_grader: Grader) -> None:
    scores = {
        s.id: default_grader.grade(bias_variance, s.text).score for s in bias_variance.samples
    }
    assert scores["strong"] > scores["partial"] > scores["weak"]
    assert scores["strong"] > 0.8 and scores["weak"] < 0.2


def test_missed_criterion_feedback_is_the_rubric_line(
    bias_variance: Question, default_grader: Grader
) -> None:
    report = default_grader.grade(bias_variance, sample(bias_variance, "partial"))
    diagnosis = report.criterion("diagnosis")
    assert diagnosis.status == "missed"
    rubric_line = next(c.feedback for c in bias_variance.rubric.criterion if c.id == "diagnosis")
    assert diagnosis.feedback == rubric_line
    partly = [c for c in report.criteria if c.status == "partly"]
    assert partly and all("missing" in c.feedback for c in partly)


def test_misconceptions_are_named_and_cost_points(
    bias_variance: Question, default_grader: Grader
) -> None:
    report = default_grader.grade(bias_variance, FLUENT_BUT_WRONG)
    assert {m.id for m in report.misconceptions} == {"swapped-definitions", "more-data-fixes-bias"}
    assert report.score < 0.2
    for m in report.misconceptions:
        assert m.evidence is not None and m.penalty > 0


def test_negated_claims_do_not_count(bias_variance: Question, default_grader: Grader) -> None:
    model = default_grader.grade(bias_variance, bias_variance.answer)
    negated = default_grader.grade(bias_variance, NEGATED_BIAS_VARIANCE)
    assert model.score > 0.8
    assert negated.score < 0.3, negated.criteria


def _negate(text: str) -> str:
    """Deny every sentence of a model answer, the way a confused candidate might."""
    out = []
    for line in text.split("\n"):
        lead, body = re.match(r"(\s*(?:[-*]|\d+[.)])?\s*)(.*)", line).groups()  # type: ignore[union-attr]
        parts = []
        # Sentences end where the grader ends them, closing emphasis included ("**Bold.**").
        for sentence in re.split(r"(?<=[.!?])(?:[*_\"')\]’”]{1,2})?\s+", body):
            if not sentence:
                continue
            denied, n = re.subn(
                r"\b(is|are|was|were|can|will|does|do|should|must|has|have)\b",
                r"\1 not",
                sentence,
                count=1,
            )
            parts.append(denied if n else "It is not true that " + sentence)
        out.append(lead + " ".join(parts))
    return "\n".join(out)


def test_negated_model_answers_score_low_across_the_bank(
    written: list[Question], default_grader: Grader
) -> None:
    scores = [default_grader.grade(q, _negate(q.answer)).score for q in written]
    model = [default_grader.grade(q, q.answer).score for q in written]
    assert statistics.median(scores) < 0.35
    assert statistics.median(model) > 0.85


def test_keyword_lists_score_low(written: list[Question], default_grader: Grader) -> None:
    for q in written:
        first_terms = ", ".join(c[0] for cr in q.rubric.criterion for c in cr.concepts)
        every_term = " ".join(p for cr in q.rubric.criterion for c in cr.concepts for p in c)
        for text in (first_terms, every_term, first_terms.replace(", ", "\n")):
            report = default_grader.grade(q, text)
            assert report.score <= 0.25, (q.id, text)
            assert any("list of terms" in n for n in report.notes) or report.score == 0


def test_copy_of_the_prompt_scores_low(written: list[Question], default_grader: Grader) -> None:
    for q in written:
        assert default_grader.grade(q, q.prompt).score <= 0.3, q.id


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\x00\x01\x02"])
def test_empty_answers(bias_variance: Question, text: str) -> None:
    report = grade(bias_variance, text)
    assert report.score == 0.0
    assert all(c.status == "missed" for c in report.criteria)
    assert any("empty" in n for n in report.notes)


def test_huge_paste_is_cut(bias_variance: Question, default_grader: Grader) -> None:
    text = (sample(bias_variance, "strong") + "\n") * 400  # about 50,000 words
    assert len(text.split()) > 45_000
    report = default_grader.grade(bias_variance, text)
    assert any("first 2,000 words" in n for n in report.notes)
    assert 0.0 <= report.score <= 1.0


def test_huge_paste_is_cut_with_one_note_by_the_hybrid(bias_variance: Question) -> None:
    """Both of the hybrid's readers cut the answer; the learner reads the note once."""
    text = (sample(bias_variance, "strong") + "\n") * 30  # about 3,700 words
    report = get_grader("default").grade(bias_variance, text)
    assert [n for n in report.notes if "words were graded" in n] == [
        "Only the first 2,000 words were graded; an interview answer is usually under 400."
    ]


def test_non_english_answer(bias_variance: Question) -> None:
    german = (
        "Der Bias ist der systematische Fehler eines Modells, das zu einfach ist. Die Varianz "
        "beschreibt, wie stark sich das Modell mit den Trainingsdaten verändert."
    )
    report = grade(bias_variance, german)
    assert report.score < 0.3
    assert any("English" in n for n in report.notes)


def test_control_characters_and_invalid_utf8(bias_variance: Question) -> None:
    text = sample(bias_variance, "strong")
    noisy = text.replace(" ", " \x07", 20).replace("\n", "\x00\n", 3)
    clean_report = grade(bias_variance, text)
    noisy_report = grade(bias_variance, noisy)
    assert noisy_report.score == pytest.approx(clean_report.score, abs=0.1)
    for c in noisy_report.criteria:
        if c.evidence:
            assert (
                noisy[c.evidence.start : c.evidence.end].replace("\x07", " ").replace("\x00", " ")
                == c.evidence.text
            )
    raw = text.encode() + b"\xff\xfe trailing"
    bytes_report = grade(bias_variance, raw)
    assert bytes_report.score == pytest.approx(clean_report.score, abs=0.1)
    assert any("UTF-8" in n for n in bytes_report.notes)
    surrogate = grade(bias_variance, raw.decode("utf-8", "surrogateescape"))
    assert surrogate.score == pytest.approx(clean_report.score, abs=0.1)


def test_to_dict_is_the_versioned_json_shape(bias_variance: Question) -> None:
    report = grade(bias_variance, sample(bias_variance, "rambling"))
    doc = json.loads(json.dumps(report.to_dict()))
    assert doc["schema"] == "mlprep.grade" and doc["version"] == 2
    assert doc["score"] == report.score and doc["question_id"] == "bias-variance"
    assert set(doc) >= {"grader", "points", "max_points", "passed", "criteria", "misconceptions"}
    assert 0 <= doc["band"] <= 4
    crit = doc["criteria"][0]
    assert set(crit) >= {"id", "status", "points", "earned", "evidence", "feedback"}


def test_renders_in_rich_and_html(bias_variance: Question) -> None:
    from rich.console import Console

    report = grade(bias_variance, sample(bias_variance, "partial"))
    console = Console(record=True, width=120)
    console.print(report)
    text = console.export_text()
    assert "defines-bias" in text and "partly" in text and "score 0." in text
    html = report._repr_html_()
    assert "<table>" in html and "defines-variance" in html and "<script" not in html


def test_accepts_a_question_id(bias_variance: Question) -> None:
    assert grade("bias-variance", "Bias is systematic error.").question_id == "bias-variance"
    with pytest.raises(UsageError):
        grade("no-such-question", "text")


def test_refuses_coding_questions(bank) -> None:  # type: ignore[no-untyped-def]
    coding = next(q for q in bank if q.is_coding)
    with pytest.raises(UsageError, match="coding question"):
        grade(coding, "def f(): pass")


def test_a_report_reads_well_at_a_python_prompt(
    bias_variance: Question, default_grader: Grader
) -> None:
    report = default_grader.grade(bias_variance, sample(bias_variance, "strong"))
    text = repr(report)
    assert text == str(report) and f"score {report.score:.2f}" in text
    assert "GradeReport(" not in text and "criteria=[" not in text and "\x1b[" not in text
