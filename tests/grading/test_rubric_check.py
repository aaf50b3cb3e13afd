"""The content check that every rubric concept is found in the question's own model answer."""

from __future__ import annotations

import shutil
from pathlib import Path

from mlprep.content import Bank, load_bank
from mlprep.grading.rubric_check import unmatched_concepts

BANK = Path(__file__).resolve().parents[2] / "src" / "mlprep" / "bank"

# On 2026-12-03, 38 of the bank's 2,664 concepts (1.4%) were not found in their model
# answer: numbers written in LaTeX in answer.md ("$64 \\times 64 \\times 32$"), points
# the answer makes in other words, denials the lexical negation scope reads too widely.
# Each is a content fix (add the answer's own words to the concept, or state the
# point); while they are being fixed, the share may not grow.
MAX_UNMATCHED_SHARE = 0.02


def test_almost_every_concept_is_found_in_its_model_answer(bank: Bank) -> None:
    written = [q for q in bank if not q.is_coding]
    concepts = sum(len(c.concepts) for q in written for c in q.rubric.criterion)
    errors = [str(e) for q in written for e in unmatched_concepts(q)]
    assert len(errors) <= MAX_UNMATCHED_SHARE * concepts, "\n".join(errors)


def test_a_word_fragment_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "bank" / "theory" / "bias-variance"
    shutil.copytree(BANK / "theory" / "bias-variance", folder)
    rubric = folder / "rubric.toml"
    text = rubric.read_text(encoding="utf-8")
    old = '["systematic", "on average",'
    assert old in text
    rubric.write_text(text.replace(old, '["quantis"], ["systematic", "on average",'), "utf-8")
    question = load_bank([tmp_path / "bank"]).get("bias-variance")
    assert not unmatched_concepts(load_bank([BANK]).get("bias-variance"))
    (error,) = unmatched_concepts(question)
    assert error.path == rubric
    line = rubric.read_text(encoding="utf-8").splitlines()[error.line - 1]
    assert '"quantis"' in line
    assert "'quantis'" in error.message and "defines-bias" in error.message
    assert str(error).startswith(f"{rubric}:{error.line}:")
