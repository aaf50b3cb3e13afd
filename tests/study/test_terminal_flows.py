"""The terminal flows driven end to end through a pseudo-terminal (pexpect)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect

from mlprep import Mlprep

ANSWER = (
    "Bias is systematic error: the model is too simple and underfits. Variance is how much "
    "the fit changes with a different training sample; flexible models overfit noise."
)
PROMPT = "a line with only '.' to finish"
RATE_PROMPT = "Your own rating\\?"
CODE_PROMPT = "judge  \\[h\\] hint"


def env_for(home: Path) -> dict[str, str]:
    env = dict(os.environ, MLPREP_HOME=str(home), COLUMNS="120", TERM="dumb")
    env.pop("EDITOR", None)
    return env


def spawn(home: Path, *args: str, timeout: float = 90) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mlprep", *args],
        env=env_for(home),
        encoding="utf-8",
        timeout=timeout,
        # Set before the child starts: a setwinsize afterwards can lose the race with
        # the child's first read of its width, and the key line then wraps at 80.
        dimensions=(40, 120),
    )
    return child


def run(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlprep", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env_for(home),
        timeout=180,
    )


def first_in_queue(home: Path, **filters: object) -> str:
    core = Mlprep(db=home / "progress.db")
    return core.practice_queue(**filters)[0].question.id  # type: ignore[arg-type]


def test_written_practice_grades_shows_the_model_answer_and_q_quits_at_once(
    tmp_path: Path,
) -> None:
    expected = first_in_queue(tmp_path, category="theory", minutes=20)
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    child.expect(r"\[h\] hint\s+\[s\] skip\s+\[q\] quit")  # the keys, shown with the question
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.expect(RATE_PROMPT)
    child.sendline("great")  # not a rating: said, and asked again
    child.expect("again, hard, good or easy")
    child.sendline("3")  # the learner's own rating: good
    child.expect("Rated good")
    child.expect(PROMPT)  # the next question
    child.sendline("q")  # no '.' needed: the key acts at once
    child.expect("1 answer\\(s\\) saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    core = Mlprep(db=tmp_path / "progress.db")
    [attempt] = core.store.attempts()
    assert attempt.question_id == expected and attempt.source == "practice"
    assert attempt.answer == ANSWER and attempt.score is not None
    assert [log.rating for log in core.store.review_logs()] == [3]


def test_quitting_at_the_rating_prompt_still_counts_the_answer(tmp_path: Path) -> None:
    for end in ("q\n", ""):  # q, or the end of input, at the own-rating prompt
        home = tmp_path / f"home{len(end)}"
        proc = run(
            home, "practice", "--category", "theory", "--minutes", "10", "--json",
            stdin=f"{ANSWER}\n.\n{end}",
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert "Stopped. 1 answer(s) saved." in " ".join(proc.stderr.split())  # --json: prompts
        document = json.loads(proc.stdout)
        assert [a["id"] for a in document["answered"]] == [
            a.question_id for a in Mlprep(db=home / "progress.db").store.attempts()
        ]


def test_hint_key_acts_at_once_and_is_recorded(tmp_path: Path) -> None:
    qid = first_in_queue(tmp_path, category="theory", minutes=20)
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    child.expect(PROMPT)
    child.sendline("h")
    child.expect("Hint 1 of")
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.sendline("q")
    child.expect(pexpect.EOF)
    [attempt] = Mlprep(db=tmp_path / "progress.db").store.attempts(question_id=qid)
    assert attempt.hints_used == 1


def test_ctrl_c_exits_130_and_keeps_answers(tmp_path: Path) -> None:
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    child.expect(PROMPT)
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.expect(RATE_PROMPT)
    child.sendline("")  # Enter keeps the grade's rating
    child.expect(PROMPT)
    child.sendintr()
    child.expect("1 answer\\(s\\) saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert len(Mlprep(db=tmp_path / "progress.db").store.attempts()) == 1


def test_end_of_input_on_a_written_question_ends_within_a_second(tmp_path: Path) -> None:
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    child.expect(PROMPT)
    started = time.monotonic()
    child.sendeof()
    child.expect("Stopped", timeout=5)  # the session has ended (before: a 100% CPU loop)
    elapsed = time.monotonic() - started
    child.expect(pexpect.EOF, timeout=10)  # then the interpreter shuts down
    child.close()
    assert child.exitstatus == 0
    assert elapsed < 1.0, elapsed
    assert Mlprep(db=tmp_path / "progress.db").store.attempts() == []
    # stdin already closed: the same (a process, no terminal).
    proc = run(tmp_path, "practice", "--category", "theory", "--minutes", "20")
    assert proc.returncode == 0 and "End of input" in proc.stdout


def test_coding_practice_refuses_the_untouched_starter_and_judges_on_request(
    tmp_path: Path,
) -> None:
    core = Mlprep(db=tmp_path / "progress.db")
    question = core.practice_queue(category="coding", minutes=60)[0].question
    workdir = tmp_path / "work"
    child = spawn(
        tmp_path, "practice", "--category", "coding", "--minutes", "60", "--workdir", str(workdir)
    )
    child.expect(CODE_PROMPT)
    target = workdir / f"{question.id.replace('-', '_')}.py"
    assert "NotImplementedError" in target.read_text()  # the starter was written
    child.sendline("")  # judge the untouched starter: not an attempt
    child.expect("Not attempted")
    child.expect(CODE_PROMPT)
    shutil.copy(question.file("solution.py"), target)
    child.sendline("")
    child.expect("Accepted")
    child.expect(CODE_PROMPT)  # the next coding question
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    verdicts = [a.verdict for a in core.store.attempts(question_id=question.id)]
    assert verdicts == ["accepted"]


def test_killed_session_keeps_completed_attempts(tmp_path: Path) -> None:
    child = spawn(tmp_path, "practice", "--category", "theory", "--minutes", "30")
    child.expect(PROMPT)
    child.sendline(ANSWER)
    child.sendline(".")
    child.expect("Model answer")
    child.expect(RATE_PROMPT)
    child.sendline("")
    child.expect(PROMPT)
    child.kill(signal.SIGKILL)
    child.close(force=True)
    core = Mlprep(db=tmp_path / "progress.db")
    attempts = core.store.attempts()
    assert len(attempts) == 1 and attempts[0].answer == ANSWER
    assert len(core.store.review_logs()) == 1  # the sitting's review came with it


def mock_args(tmp_path: Path, track: str = "ml-engineer", minutes: str = "45") -> list[str]:
    return [
        "mock",
        "--track",
        track,
        "--minutes",
        minutes,
        "--seed",
        "7",
        "--workdir",
        str(tmp_path / "w"),
        "--json",
    ]


def test_a_mock_after_practice_shows_starter_code_and_zero_hints(tmp_path: Path) -> None:
    core = Mlprep(db=tmp_path / "progress.db")
    question = core.question("k-means")
    # Practice first: two hints, a wrong submission, the learner's code in the workdir.
    for _ in range(2):
        assert run(tmp_path, "hint", "k-means").returncode == 0
    wrong = question.file("wrong/single-iteration.py")
    assert run(tmp_path, "judge", "k-means", str(wrong)).returncode == 1
    (tmp_path / "w").mkdir()
    practice_file = tmp_path / "w" / "k_means.py"
    practice_file.write_text(wrong.read_text())
    # A failed practice question is the weakest, so the mock's coding slot takes it.
    child = spawn(tmp_path, *mock_args(tmp_path))
    child.expect(CODE_PROMPT)
    [mock] = core.store.mocks()
    assert json.loads(mock.plan_json)["questions"][0] == "k-means"
    mock_file = tmp_path / "w" / f"mock-{mock.id}" / "k_means.py"
    assert mock_file.read_text() == question.read("starter.py")
    assert practice_file.read_text() == wrong.read_text()  # practice code left alone
    shutil.copy(question.file("solution.py"), mock_file)
    child.sendline("")
    child.expect("Accepted")
    child.expect(PROMPT)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [mock] = core.store.mocks()
    card = json.loads(mock.scorecard_json or "{}")
    coding = card["questions"][0]
    assert coding["id"] == "k-means" and coding["hints_used"] == 0
    assert coding["submissions"] == 1 and coding["score"] == 1.0
    [in_mock] = [a for a in core.store.attempts(question_id="k-means") if a.mock_id == mock.id]
    assert in_mock.hints_used == 0


def test_mock_interview_prints_and_stores_a_scorecard(tmp_path: Path) -> None:
    core = Mlprep(db=tmp_path / "progress.db")
    # Judge the untouched starter (not an attempt), skip, answer a written one, quit.
    keys = "\ns\n" + ANSWER + "\n.\nq\n"
    proc = run(tmp_path, *mock_args(tmp_path, "data-scientist", "30"), stdin=keys)
    assert proc.returncode == 0, proc.stderr[-2000:]
    card = json.loads(proc.stdout)
    assert card["schema"] == "mlprep.scorecard" and card["track"] == "data-scientist"
    assert card["abandoned"] is False
    coding, written = card["questions"][0], card["questions"][1]
    assert coding["category"] == "coding" and coding["submissions"] == 0
    assert not coding["answered"]
    # which written question the track draws depends on the bank, so the fixed answer
    # may be off-topic for it: what matters here is that it was graded and stored
    assert written["answered"] and isinstance(written["score"], float)
    assert 0.0 <= written["score"] <= 1.0
    assert not any(q["answered"] for q in card["questions"][2:])
    [mock] = core.store.mocks()
    assert mock.finished_at is not None and not mock.abandoned
    assert json.loads(mock.scorecard_json or "{}")["total"] == card["total"]


def test_an_abandoned_mock_is_stored_as_such_and_left_out(tmp_path: Path) -> None:
    core = Mlprep(db=tmp_path / "progress.db")
    proc = run(tmp_path, *mock_args(tmp_path), stdin="")  # end of input on question 1
    assert proc.returncode == 0, proc.stderr[-2000:]
    card = json.loads(proc.stdout)
    assert card["abandoned"] is True and card["total"] is None
    [mock] = core.store.mocks()
    assert mock.abandoned and mock.finished_at is not None and mock.scorecard_json is None
    # Ctrl-C on question 1: abandoned too, and exit 130.
    child = spawn(tmp_path, *mock_args(tmp_path, "research"))
    child.expect(CODE_PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert [m.abandoned for m in core.store.mocks()] == [True, True]
    # Left out of trends and of "since the last mock".
    assert core.progress().to_dict()["mocks"] == []
    keys = "s\n" + ANSWER + "\n.\nq\n"
    proc = run(tmp_path, *mock_args(tmp_path, "data-scientist", "30"), stdin=keys)
    card = json.loads(proc.stdout)
    assert card["abandoned"] is False and card["previous_total"] is None
    assert len(core.progress().to_dict()["mocks"]) == 1
