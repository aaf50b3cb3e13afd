"""Sentence-level labels of the bank's samples (grading/training/spans): exact, known, and kept
out of every split that measures the grader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlprep.content import load_bank, load_corpus
from mlprep.grading._claimset import question_claims
from mlprep.grading.calibration import split_of
from mlprep.grading.training import EXCLUDED_QUESTIONS, assemble, dev_question
from mlprep.grading.training.spans import LABELLED_COPIES, load_spans, span_pairs

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "src" / "mlprep" / "bank"


def test_shipped_spans_are_exact_pieces_of_tuning_samples_with_known_claims() -> None:
    spans = load_spans()
    bank = load_bank(None)
    for question_id, question_spans in spans.items():
        # The calibration's holdout, the model's dev split and the unseen questions measure
        # the grader: no span may come from them.
        assert split_of(question_id) == "tune", question_id
        assert not dev_question(question_id), question_id
        assert question_id not in EXCLUDED_QUESTIONS
        question = bank.get(question_id)
        assert question is not None, question_id
        assert span_pairs(question, question_spans)  # raises on an inexact span or unknown claim


def _one_question(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(BANK / "theory" / "bias-variance", root / "theory" / "bias-variance")
    return root


def _write(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "labels.toml").write_text(body, encoding="utf-8")
    return folder


def test_a_span_is_paired_with_every_claim_its_labels_or_neutral(tmp_path: Path) -> None:
    bank = load_bank([_one_question(tmp_path)])
    question = bank.get("bias-variance")
    sample = next(s for s in question.samples if s.id == "fluent-wrong")
    sentence = sample.text.split(". ")[0].strip()
    folder = _write(
        tmp_path / "spans",
        f'[[span]]\nquestion = "bias-variance"\nsample = "fluent-wrong"\n'
        f'text = """{sentence}"""\ncontradicts = ["defines-bias#1"]\n',
    )
    spans = load_spans(folder)
    pairs = assemble([question], {question.id: load_corpus(question)}, spans=spans)
    mine = [p for p in pairs if p.source == "sample-span"]
    claims = {c.id: c.text for c in question_claims(question) if c.authored}
    bias = claims["defines-bias"]
    assert [p.label for p in mine if p.claim == bias] == ["contradicts"] * LABELLED_COPIES
    others = [p for p in mine if p.claim != bias]
    assert len(others) == len(claims) - 1
    assert {p.label for p in others} == {"neutral"}
    assert {p.passage for p in mine} == {" ".join(sentence.split())}


@pytest.mark.parametrize(
    ("text", "refs", "message"),
    [
        ("A sentence the sample never says.", '["defines-bias#1"]', "not an exact piece"),
        (None, '["no-such-criterion#1"]', "has no claim 'no-such-criterion#1'"),
    ],
)
def test_a_wrong_span_is_an_error_naming_its_file_and_entry(
    tmp_path: Path, text: str | None, refs: str, message: str
) -> None:
    bank = load_bank([_one_question(tmp_path)])
    question = bank.get("bias-variance")
    sample = next(s for s in question.samples if s.id == "fluent-wrong")
    text = text or sample.text.split(". ")[0].strip()
    folder = _write(
        tmp_path / "spans",
        f'[[span]]\nquestion = "bias-variance"\nsample = "fluent-wrong"\n'
        f'text = """{text}"""\nsupports = {refs}\n',
    )
    with pytest.raises(ValueError, match=message) as error:
        span_pairs(question, load_spans(folder)["bias-variance"])
    assert "labels.toml: span 1" in str(error.value)
