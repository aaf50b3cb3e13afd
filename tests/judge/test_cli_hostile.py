"""Forged frames through the cold CLI path: a verdict, an attempt, never exit 70.

The warm path runs the same files in test_hostile.py (with a clean submission after
each); here each runs as a learner would, in its own `mlprep judge` process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlprep.judging._results import RESULTS_MAX_BYTES
from mlprep.store import Store

from .test_cli import mlprep
from .test_hostile import CORPUS, expected_verdicts

FRAME_ATTACKS = [p for p in CORPUS if p.name.startswith("frame_")]


def _no_constants(name: str) -> None:
    raise AssertionError(f"non-standard JSON: {name}")


@pytest.mark.parametrize("path", FRAME_ATTACKS, ids=lambda p: p.stem)
def test_forged_frames_end_in_a_recorded_verdict(tmp_path: Path, path: Path):
    db = tmp_path / "p.db"
    run = mlprep("judge", "vector-sum", str(path), "--json", db=db)  # recorded: no --seed
    assert run.returncode in (0, 1), (run.returncode, run.stderr[-2000:])
    assert len(run.stdout) <= 2 * RESULTS_MAX_BYTES  # indented, but bounded
    doc = json.loads(run.stdout, parse_constant=_no_constants)
    assert doc["verdict"] in expected_verdicts(path), doc["message"]
    assert run.returncode == (0 if doc["accepted"] else 1)
    attempts = Store(db).attempts()
    assert [a.verdict for a in attempts] == [doc["verdict"]]
    stored = attempts[0].result_json or ""
    assert len(stored) <= RESULTS_MAX_BYTES
    assert json.loads(stored, parse_constant=_no_constants)["verdict"] == doc["verdict"]


def test_forged_frames_in_the_terminal_report(tmp_path: Path):
    flood = next(p for p in FRAME_ATTACKS if p.name == "frame_flood_stdout.py")
    run = mlprep("judge", "vector-sum", str(flood), db=tmp_path / "p.db")
    assert run.returncode == 0, run.stderr[-2000:]
    # shown, but inert: the window-title sequence is gone, the output is there
    assert "\x1b" not in run.stdout and "pwned" not in run.stdout and "xxxx" in run.stdout


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path):
    path = next(p for p in CORPUS if p.name == "terminal_escapes.py")
    shown = mlprep("judge", "vector-sum", str(path), "--seed", "7", db=tmp_path / "p.db")
    assert shown.returncode == 1, shown.stderr[-2000:]
    assert shown.stdout.startswith("Runtime error")
    for control in ("\x1b", "\x9b", "\r", "\x07", "\u202e"):
        assert control not in shown.stdout, repr(control)
    assert "Accepted" in shown.stdout  # the text is shown, inert
    # --json stays exact: the document carries what the submission printed
    exact = mlprep("judge", "vector-sum", str(path), "--json", "--seed", "7", db=tmp_path / "p.db")
    assert exact.returncode == 1
    doc = json.loads(exact.stdout)
    assert doc["verdict"] == "runtime_error" and "\x1b[1;32mAccepted" in doc["setup_output"]


def test_a_file_name_with_escapes_is_shown_inert(tmp_path: Path):
    run = mlprep("judge", "vector-sum", "\x1b]0;pwned\x07x.py", db=tmp_path / "p.db")
    assert run.returncode == 2
    assert (
        "\x1b" not in run.stderr and "\x07" not in run.stderr and len(run.stderr.splitlines()) == 1
    )
