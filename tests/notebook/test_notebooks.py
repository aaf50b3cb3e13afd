"""Real notebooks, executed by nbclient on a real ipykernel, against the real sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

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
    result = CliRunner().invoke(app, ["notebook", str(out), "--category", "coding"])
    assert result.exit_code == 0, result.output
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    sources = [c.source for c in nb.cells]
    assert any('mp.question("k-means")' in s for s in sources)
    assert any(s.startswith("q_k_means.check(k_means_clustering)") for s in sources)
    # Run the setup, the k-means question cell and its starter: the starter raises
    # NotImplementedError only when called, so the check cell gives a verdict.
    index = next(i for i, s in enumerate(sources) if 'mp.question("k-means")' in s)
    keep = [nb.cells[1], *nb.cells[index : index + 3]]
    small = nbformat.v4.new_notebook(cells=keep, metadata=nb.metadata)
    NotebookClient(small, timeout=120, kernel_name="python3").execute()
    verdict = "\n".join(_text(o) for o in small.cells[-1].outputs)
    assert "Runtime error" in verdict or "runtime_error" in verdict
