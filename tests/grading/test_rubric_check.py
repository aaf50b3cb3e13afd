"""The content check that every rubric concept is found in the question's own model answer."""

from __future__ import annotations

import shutil
from pathlib import Path

from mlprep.content import Bank, load_bank
from mlprep.grading.rubric_check import unmatched_concepts

BANK = Path(__file__).resolve().parents[2] / "src" / "mlprep" / "bank"

# On 2026-12-03, 38 of the bank's 2,664 concepts (1.4%) were not found in their model
# answer: numbers written in LaTeX in answer.md ("$64 \\times 64 \\times 32$"), points
# the answer makes in other words, denials the lexical negation scope reads too widely
# ("it cannot see concept shift" denies the whole sentence). All were fixed in the
# content (the answer's own words added to the concept, or the point stated where the
# grader reads it as asserted), so a new one is a content error to fix, not to tolerate.


def test_every_concept_is_found_in_its_model_answer(bank: Bank) -> None:
    written = [q for q in bank if not q.is_coding]
    errors = [str(e) for q in written for e in unmatched_concepts(q)]
    assert not errors, "\n".join(errors)


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


def test_content_check_reports_an_unmatched_concept(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    folder = tmp_path / "bank" / "theory" / "bias-variance"
    shutil.copytree(BANK / "theory" / "bias-variance", folder)
    rubric = folder / "rubric.toml"
    text = rubric.read_text(encoding="utf-8")
    old = '["systematic", "on average",'
    rubric.write_text(text.replace(old, '["quantis"], ["systematic", "on average",'), "utf-8")
    env = dict(os.environ, MLPREP_HOME=str(tmp_path / "home"), MLPREP_NO_SERVICE="1")
    run = subprocess.run(
        [sys.executable, "-m", "mlprep", "content", "check", str(folder), "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 1, run.stderr
    (error,) = json.loads(run.stdout)["errors"]
    assert error["file"] == str(rubric) and "'quantis'" in error["message"]
