"""Real notebooks, executed by nbclient on a real ipykernel, against the real sandbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from mlprep import Mlprep
from mlprep.store import Store

KMEANS = """
import numpy as np

def k_means_clustering(data_points, k, initial_centroids):
    points = np.asarray(data_points, dtype=float)
    centroids = np.array(initial_centroids, dtype=float)
    if len(points) == 0:
        return []
    points = points.reshape(len(points), -1)
    labels = None
    for _ in range(300):
        new = assign(points, centroids)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            members = points[labels == c]
            if len(members):
                centroids[c] = members.mean(axis=0)
    return [int(c) for c in labels]
"""

HELPER = """
def assign(points, centroids):
    return squared_distances(points, centroids).argmin(axis=1)

def squared_distances(points, centroids):
    return ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
"""

CELLS = {
    "setup": 'import mlprep as mp\nq = mp.question("k-means")\nq',
    "by_key": 'mp.question(key="C01").id',
    "helper": HELPER,
    "solution": KMEANS,
    "check_pass": "q.check(k_means_clustering)",
    "wrong": (
        "def always_zero(data_points, k, initial_centroids):\n    return [0] * len(data_points)"
    ),
    "check_fail": "q.check(always_zero)",
    "lambda": "q.check(lambda data_points, k, initial_centroids: [])",
    "closure": (
        "LABELS = [0, 1]\n"
        "def uses_global(data_points, k, initial_centroids):\n    return LABELS\n"
        "q.check(uses_global)"
    ),
    "exec": (
        "ns = {}\nexec('def made(data_points, k, initial_centroids):\\n    return []', ns)\n"
        "q.check(ns['made'])"
    ),
    "hint1": "q.hint()",
    "hint2": "q.hint()",
    "solution_shown": "q.solution()",
    "written": (
        'w = mp.question("bias-variance")\n'
        'w.answer("Bias is systematic error from a model that is too simple, so it underfits; '
        "variance is how much the fitted model changes with a different training sample, "
        "typical of flexible models that overfit noise. More complexity lowers bias and raises "
        "variance. If training and validation error are both high it is bias: add features. "
        "If training error is low but validation error is much higher it is variance: get "
        'more data or regularize.")'
    ),
    "rated": 'w.rate("hard")',
    "rate_coding": 'q.rate("good")',
    "practice": "mp.practice()",
    "progress": "mp.progress()",
}


def _text(output: dict[str, Any]) -> str:
    data = output.get("data", {})
    return (
        "\n".join(
            str(v) for k, v in data.items() if k in ("text/html", "text/plain", "text/markdown")
        )
        + output.get("text", "")
        + "\n".join(output.get("traceback", []))
    )


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("nb-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("MLPREP_HOME", str(home))
    names = list(CELLS)
    nb = new_notebook(cells=[new_code_cell(CELLS[n]) for n in names])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=False).execute()
    finally:
        mp.undo()
    outputs = {
        n: "\n".join(_text(o) for o in cell.outputs)
        for n, cell in zip(names, nb.cells, strict=True)
    }
    outputs["_cells"] = {n: cell for n, cell in zip(names, nb.cells, strict=True)}
    outputs["_home"] = home
    return outputs


def test_question_displays_its_prompt_as_html(executed: dict[str, Any]) -> None:
    cell = executed["_cells"]["setup"]
    html = cell.outputs[0]["data"]["text/html"]
    assert "<h3>k-means clustering from scratch</h3>" in html
    assert "k_means_clustering" in html
    assert "C01" not in executed["by_key"] or "k-means" in executed["by_key"]


def test_a_passing_check_with_a_helper_from_another_cell(executed: dict[str, Any]) -> None:
    out = executed["check_pass"]
    assert "Accepted" in out
    assert "Wrong answer" not in out


def test_a_failing_check(executed: dict[str, Any]) -> None:
    out = executed["check_fail"]
    assert "Accepted" not in out.split("\n")[0]
    assert "Wrong answer" in out or "wrong_answer" in out


@pytest.mark.parametrize(
    ("cell", "needle"),
    [
        ("lambda", "is a lambda"),
        ("closure", "notebook variable 'LABELS'"),
        ("exec", "cannot be found"),
    ],
)
def test_unsupported_functions_get_a_clear_message(
    executed: dict[str, Any], cell: str, needle: str
) -> None:
    assert needle in executed[cell]
    assert "Traceback" not in executed[cell]


def test_hints_and_solution(executed: dict[str, Any]) -> None:
    assert "Hint 1 of" in executed["hint1"]
    assert "Hint 2 of" in executed["hint2"]
    assert "Model answer" in executed["solution_shown"]


def test_written_answer_is_graded(executed: dict[str, Any]) -> None:
    out = executed["written"]
    assert "score" in out.lower() or "%" in out


def test_written_answer_can_be_rated_by_the_learner(executed: dict[str, Any]) -> None:
    assert "Rated hard; the grade alone gave" in executed["rated"]
    assert "coding question" in executed["rate_coding"]  # a message, not a traceback
    store = Store(Path(executed["_home"]) / "progress.db")
    assert [log.rating for log in store.review_logs() if log.question_id == "bias-variance"] == [2]


def test_practice_and_progress_render(executed: dict[str, Any]) -> None:
    assert "<table>" in executed["_cells"]["practice"].outputs[0]["data"]["text/html"]
    figure = executed["_cells"]["progress"].outputs[0]["data"]
    assert "image/png" in figure


def test_attempts_land_in_the_same_store(executed: dict[str, Any]) -> None:
    store = Store(Path(executed["_home"]) / "progress.db")
    attempts = store.attempts()
    assert {a.source for a in attempts} == {"notebook"}
    coding = [a for a in attempts if a.question_id == "k-means"]
    assert [a.verdict for a in coding] == ["accepted", "wrong_answer"]
    assert "def assign" in coding[0].answer and "def squared_distances" in coding[0].answer
    assert any(a.question_id == "bias-variance" and a.score is not None for a in attempts)
    assert store.solution_seen("k-means")


def test_mlprep_notebook_writes_a_runnable_notebook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from mlprep.cli import app

    out = tmp_path / "practice.ipynb"
    result = CliRunner().invoke(app, ["notebook", str(out), "--all", "--category", "coding"])
    assert result.exit_code == 0, result.output
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    sources = [c.source for c in nb.cells]
    assert any('mp.question("k-means")' in s for s in sources)
    assert any(s.startswith("q_k_means.check(k_means_clustering)") for s in sources)


def test_mlprep_notebook_holds_todays_queue_and_never_overwrites(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "practice.ipynb"
    proc = _cli(home, "notebook", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    ids = json.loads(proc.stdout)["questions"]
    core = Mlprep(db=home / "progress.db")
    assert ids == [item.question.id for item in core.practice_queue(minutes=30)]
    assert 0 < len(ids) < len(core.bank)
    out.write_text("my answers")
    again = _cli(home, "notebook", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    assert out.read_text() == "my answers"
    forced = _cli(home, "notebook", str(out), "--force", "--id", "k-means")
    # The line wraps where the path does (a longer temporary path under pytest-xdist).
    assert forced.returncode == 0 and "jupyter lab" in " ".join(forced.stdout.split())
    assert "k-means" in out.read_text()


def test_an_untouched_generated_notebook_records_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "practice.ipynb"
    ids = ["k-means", "bias-variance", "linked-list-search"]
    proc = _cli(home, "notebook", str(out), *(a for q in ids for a in ("--id", q)))
    assert proc.returncode == 0, proc.stderr
    nb = nbformat.read(str(out), as_version=4)
    mp = pytest.MonkeyPatch()
    mp.setenv("MLPREP_HOME", str(home))
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3", allow_errors=False).execute()
    finally:
        mp.undo()
    outputs = "\n".join(_text(o) for c in nb.cells for o in c.get("outputs", []))
    assert outputs.count("Not attempted") == 2 * len(ids), outputs  # text and HTML
    store = Store(home / "progress.db")
    assert store.attempts() == [] and store.review_logs() == [] and store.reviews() == []


def test_results_read_well_in_a_plain_console(tmp_path: Path) -> None:
    from mlprep.notebook import NotebookQuestion

    core = Mlprep(db=tmp_path / "p.db")
    report = NotebookQuestion(core, core.question("bias-variance")).answer(
        "Bias is error from a model too simple to fit, so it underfits; variance is how much "
        "the fit changes with the training sample, so flexible models overfit."
    )
    text = repr(report)
    assert "score" in text.lower() and "GradeReport(" not in text and "criteria=[" not in text
    assert report.score == report.value.score and 0 <= report.score <= 1
    assert "<" in report._repr_html_()
    notice = NotebookQuestion(core, core.question("bias-variance")).answer("")
    assert "Not attempted" in repr(notice)


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MLPREP_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "mlprep", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
