"""The slow-work spinner: after half a second, on stderr, only on a terminal (real pty)."""

from __future__ import annotations

import os
import subprocess
import sys

import pexpect

SCRIPT = """
import sys, time
from mlprep.cli._progress import slow
with slow("working hard") as p:
    time.sleep(float(sys.argv[1]))
    with p.paused():
        print("middle")
    time.sleep(float(sys.argv[1]))
print("done")
"""


def run_in_pty(seconds: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "MLPREP_NO_PROGRESS"}
    child = pexpect.spawn(
        sys.executable, ["-c", SCRIPT, seconds], env=env, encoding="utf-8", timeout=30
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return child.before


def test_spinner_shows_after_half_a_second_and_is_erased_before_output() -> None:
    out = run_in_pty("0.9")
    assert "working hard" in out
    # the line is erased (CR + erase-line) before each print
    assert "\r\x1b[Kmiddle" in out and "\r\x1b[Kdone" in out


def test_no_spinner_for_quick_work() -> None:
    assert "working hard" not in run_in_pty("0.1")


def test_no_spinner_when_stdout_is_not_a_terminal() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "0.9"], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0
    assert done.stderr == "" and done.stdout == "middle\ndone\n"
