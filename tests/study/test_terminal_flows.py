"""The terminal flows driven end to end through a pseudo-terminal (pexpect)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pexpect

from mlprep import Mlprep

ANSWER = (
    "Bias is systematic error: the model is too simple and underfits. Variance is how much "
    "the fit changes with a different training sample; flexible models overfit noise."
)


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, MLPREP_HOME=str(home), COLUMNS="120", TERM="dumb")
    env.pop("EDITOR", None)
    child = pexpect.spawn(
        sys.executable, ["-m", "mlprep", *args], env=env, encoding="utf-8", timeout=90
    )
    child.setwinsize(40, 120)
    return child


def first_in_queue(home: Path, **filters: object) -> str:
    core = Mlprep(db=home / "progress.db")
    return core.practice_queue(**filters)[0].question.id  # type: ignore[arg-type]


def test_written_practice_grades_shows_the_model_answer_and_quits(tmp_path: Path) -> None:
    expected = first_in_queue(tmp_path, category="theory", minutes=20)
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    child.expect("End with a line holding only")
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.expect("End with a line holding only")  # the next question
    child.sendline("q")
    child.sendline(".")
    child.expect("1 answer\\(s\\) saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    [attempt] = Mlprep(db=tmp_path / "progress.db").store.attempts()
    assert attempt.question_id == expected and attempt.source == "practice"
    assert attempt.answer == ANSWER and attempt.score is not None


def test_hint_on_request_is_recorded(tmp_path: Path) -> None:
    qid = first_in_queue(tmp_path, category="theory", minutes=20)
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    child.expect("End with a line holding only")
    child.sendline("h")
    child.sendline(".")
    child.expect("Hint 1 of")
    child.expect("End with a line holding only")
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.sendline("q")
    child.sendline(".")
    child.expect(pexpect.EOF)
    [attempt] = Mlprep(db=tmp_path / "progress.db").store.attempts(question_id=qid)
    assert attempt.hints_used == 1


def test_coding_practice_judges_the_file_on_request(tmp_path: Path) -> None:
    core = Mlprep(db=tmp_path / "progress.db")
    question = core.practice_queue(category="coding", minutes=60)[0].question
    workdir = tmp_path / "work"
    child = spawn(
        tmp_path, "practice", "--category", "coding", "--minutes", "60", "--workdir", str(workdir)
    )
    child.expect("judge  \\[h\\] hint")
    target = workdir / f"{question.id.replace('-', '_')}.py"
    assert "NotImplementedError" in target.read_text()  # the starter was written
    child.sendline("")  # judge the starter: rejected
    child.expect("judge  \\[h\\] hint")
    shutil.copy(question.file("solution.py"), target)
    child.sendline("")
    child.expect("Accepted")
    child.expect("judge  \\[h\\] hint")  # the next coding question
    child.sendline("q")
    child.expect(pexpect.EOF)
    verdicts = [a.verdict for a in core.store.attempts(question_id=question.id)]
    assert verdicts[-1] == "accepted" and len(verdicts) == 2


def test_killed_session_keeps_completed_attempts(tmp_path: Path) -> None:
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "30")
    child.expect("End with a line holding only")
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.expect("End with a line holding only")
    child.kill(signal.SIGKILL)
    child.close(force=True)
    attempts = Mlprep(db=tmp_path / "progress.db").store.attempts()
    assert len(attempts) == 1 and attempts[0].answer == ANSWER


def test_mock_interview_prints_and_stores_a_scorecard(tmp_path: Path) -> None:
    env = dict(os.environ, MLPREP_HOME=str(tmp_path))
    env.pop("EDITOR", None)
    core = Mlprep(db=tmp_path / "progress.db")
    # Answer the coding question wrongly (judge the starter), skip it, answer the
    # first written question, then stop.
    keys = "\ns\n" + ANSWER + "\n.\nq\n.\n"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlprep",
            "mock",
            "--track",
            "data-scientist",
            "--minutes",
            "30",
            "--seed",
            "7",
            "--workdir",
            str(tmp_path / "w"),
            "--json",
        ],
        input=keys,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    card = json.loads(proc.stdout)
    assert card["schema"] == "mlprep.scorecard" and card["track"] == "data-scientist"
    coding, written = card["questions"][0], card["questions"][1]
    assert coding["category"] == "coding" and coding["submissions"] == 1 and coding["score"] < 1
    assert written["answered"] and written["score"] > 0
    assert not any(q["answered"] for q in card["questions"][2:])
    [mock] = core.store.mocks()
    assert (
        mock.finished_at is not None
        and json.loads(mock.scorecard_json or "{}")["total"] == card["total"]
    )
