"""`content check` in several processes reports exactly what it reports in one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mlprep.content import ContentError, Question, builtin_bank_root, check_content
from mlprep.grading.rubric_check import unmatched_concepts

BROKEN = Path(__file__).resolve().parents[1] / "content" / "broken"
BANK = builtin_bank_root()


def test_broken_folders_report_the_same_errors_in_processes() -> None:
    one = check_content([BROKEN], extra=[unmatched_concepts])
    assert len(one.errors) > 20
    seen: list[tuple[int, int, str]] = []
    two = check_content(
        [BROKEN], extra=[unmatched_concepts], workers=2, progress=lambda *a: seen.append(a)
    )
    assert two == one
    # each question once, as it is done
    assert [done for done, _, _ in seen] == list(range(1, one.checked + 1))
    assert len({question_id for _, _, question_id in seen}) == one.checked


def test_a_broken_rubric_and_a_broken_solution_are_caught_in_processes(tmp_path: Path) -> None:
    import shutil

    theory = tmp_path / "bank" / "theory" / "bias-variance"
    coding = tmp_path / "bank" / "coding" / "jaccard-similarity"
    shutil.copytree(BANK / "theory" / "bias-variance", theory)
    shutil.copytree(BANK / "coding" / "jaccard-similarity", coding)
    rubric = theory / "rubric.toml"
    old = '["systematic", "on average",'
    rubric.write_text(
        rubric.read_text("utf-8").replace(old, '["quantis"], ["systematic", "on average",'),
        "utf-8",
    )
    (coding / "solution.py").write_text("def jaccard_similarity(a):\n    return 0\n", "utf-8")
    report = check_content([tmp_path / "bank"], extra=[unmatched_concepts], workers=2)
    assert report == check_content([tmp_path / "bank"], extra=[unmatched_concepts])
    messages = [e.message for e in report.errors]
    assert any("'quantis'" in m for m in messages), messages
    assert any("takes (a)" in m for m in messages), messages


def where_checked(question: Question) -> list[ContentError]:
    """An extra check that names the process that ran it (picklable: module level)."""
    return [ContentError(question.path, 1, 1, f"checked in process {os.getpid()}")]


def test_this_process_and_another_share_the_questions() -> None:
    folders = [BANK / "coding" / "jaccard-similarity", BANK / "coding" / "moving-average"]
    folders += sorted((BANK / "theory").iterdir())[:8]
    one = check_content(folders, extra=[unmatched_concepts])
    two = check_content(folders, extra=[unmatched_concepts, where_checked], workers=2)
    marks = [e for e in two.errors if e.message.startswith("checked in process")]
    assert len(marks) == two.checked == one.checked == 10
    assert len({m.message for m in marks}) == 2  # this process and one other
    assert [e for e in two.errors if e not in marks] == one.errors


def test_the_default_is_a_process_per_idle_core(monkeypatch: pytest.MonkeyPatch) -> None:
    from mlprep.cli._content import _auto_jobs

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5}, raising=False)
    for load, jobs in ((0.1, 4), (3.2, 3), (4.6, 1), (9.0, 1)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, 0.0, 0.0))
        assert _auto_jobs([BANK]) == jobs, load
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert _auto_jobs([BANK / "theory"]) == 4
    assert _auto_jobs([BANK / "coding" / "k-means"]) == 1  # a few questions: here


def test_the_cli_reports_the_same_in_two_processes(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    env = dict(os.environ, MLPREP_HOME=str(tmp_path), MLPREP_NO_SERVICE="1")
    runs = [
        subprocess.run(
            [sys.executable, "-m", "mlprep", "content", "check", str(BROKEN), "--json", jobs],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        for jobs in ("-j1", "-j2")
    ]
    for run in runs:
        assert run.returncode == 1 and run.stderr == "", run.stderr
    one, two = (json.loads(run.stdout) for run in runs)
    assert one["errors"] and two == one
