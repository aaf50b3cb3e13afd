"""`judge --watch` and `grade --watch` in a pseudo-terminal: real sandbox, real store."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from mlprep.store import Store

from .conftest import QUESTIONS

FIXTURES = QUESTIONS.parent
VECTOR_SUM = QUESTIONS / "vector-sum"


def _as_in_a_terminal() -> None:
    # A suite started in the background (`cmd &` in a script, nohup) passes SIGINT and
    # SIGHUP on ignored, and an exec keeps them so: Python then installs no Ctrl-C
    # handler and the CLI would ignore the very keys these tests press.
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(sig, signal.SIG_DFL)


def spawn(db: Path, *args: str, content: bool = True) -> pexpect.spawn:
    env = dict(os.environ, COLUMNS="120", TERM="dumb")
    extra = ["--content", str(FIXTURES)] if content else []
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mlprep", *extra, "--db", str(db), *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        preexec_fn=_as_in_a_terminal,
        dimensions=(50, 120),  # before the child starts: no race with its first read
    )
    return child


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (the zygote runs in its own session, still our child)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def save(path: Path, text: str) -> None:
    # the way editors save: a new file renamed over the old one
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    tmp.replace(path)


def test_judge_watch_checks_on_save_records_only_submissions_and_ctrl_c_cleans_up(
    tmp_path: Path,
) -> None:
    db = tmp_path / "p.db"
    solution = tmp_path / "solution.py"
    solution.write_text((VECTOR_SUM / "wrong" / "skips-first.py").read_text())
    child = spawn(db, "judge", "vector-sum", str(solution), "--watch")
    child.expect("check #1")
    child.expect("Wrong answer")
    child.expect("watching solution.py")
    save(solution, (VECTOR_SUM / "solution.py").read_text())
    child.expect("check #2")
    child.expect("Accepted")
    child.expect("watching solution.py")
    assert Store(db).attempts() == []  # checks are not attempts

    child.send("s")
    child.expect("submitted: recorded as an attempt")
    child.expect("watching solution.py")
    [attempt] = Store(db).attempts()
    assert attempt.question_id == "vector-sum" and attempt.verdict == "accepted"

    sandbox = descendants(child.pid)
    names = {Path(f"/proc/{p}/comm").read_text().strip() for p in sandbox if alive(p)}
    assert sandbox and names & {"bwrap", "python", "python3"}, names
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, (child.exitstatus, child.signalstatus)
    deadline = time.monotonic() + 5
    while any(alive(p) for p in sandbox) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = {p: Path(f"/proc/{p}/cmdline").read_bytes() for p in sandbox if alive(p)}
    assert not left, f"sandbox processes left behind: {left}"


def test_judge_watch_submit_on_accept_records_each_accepted_version_once(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    solution = tmp_path / "solution.py"
    good = (VECTOR_SUM / "solution.py").read_text()
    solution.write_text(good)
    child = spawn(db, "judge", "vector-sum", str(solution), "-w", "--submit-on-accept")
    child.expect("submitted: recorded as an attempt")
    child.expect("watching")
    save(solution, good)  # the same text again: nothing to do
    save(solution, (VECTOR_SUM / "wrong" / "returns-int.py").read_text())
    child.expect("check #2")
    child.expect("watching")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [a.verdict for a in Store(db).attempts()] == ["accepted"]


def test_grade_watch_regrades_on_save_and_records_nothing_without_submit(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    answer = tmp_path / "answer.txt"
    answer.write_text("no idea")
    child = spawn(db, "grade", "bias-variance", str(answer), "--watch", content=False)
    child.expect("check #1")
    child.expect("watching answer.txt")
    save(
        answer,
        "Bias is systematic error: the model is too simple and underfits. Variance is how "
        "much the fit changes with a different training sample; flexible models overfit.",
    )
    child.expect("check #2")
    child.expect("watching answer.txt")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert Store(db).attempts() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["judge", "vector-sum", "-", "--watch"], "--watch needs a file"),
        (["judge", "vector-sum", "missing.py", "--watch"], "no such file: missing.py"),
        (["judge", "vector-sum", "x.py", "--watch", "--json"], "it has no --json"),
        (["judge", "vector-sum", "x.py", "--submit-on-accept"], "goes with --watch"),
    ],
)
def test_watch_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "x.py").write_text("pass\n")
    import subprocess

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mlprep",
            "--content",
            str(FIXTURES),
            "--db",
            str(tmp_path / "d"),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_watch_killed_or_hung_up_leaves_no_sandbox(tmp_path: Path, sig: int) -> None:
    # no Python clean-up runs here: the sandbox must go with its parent (--die-with-parent)
    solution = tmp_path / "solution.py"
    solution.write_text((VECTOR_SUM / "solution.py").read_text())
    child = spawn(tmp_path / "p.db", "judge", "vector-sum", str(solution), "--watch")
    child.expect("watching solution.py")
    sandbox = descendants(child.pid)
    assert sandbox
    os.kill(child.pid, sig)
    child.expect(pexpect.EOF)
    child.close()
    deadline = time.monotonic() + 5
    while any(alive(p) for p in sandbox) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in sandbox if alive(p)]


def test_grade_watch_an_empty_answer_is_not_submitted_and_the_watch_goes_on(
    tmp_path: Path,
) -> None:
    db = tmp_path / "p.db"
    answer = tmp_path / "answer.txt"
    answer.write_text("")
    child = spawn(db, "grade", "bias-variance", str(answer), "--watch", content=False)
    child.expect("watching answer.txt")
    child.send("s")
    child.expect("not submitted")
    child.expect("watching answer.txt")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert Store(db).attempts() == []
