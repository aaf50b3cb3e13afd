"""`content check` shows which question it is on, on a terminal, once it takes a while."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect

from mlprep.content import builtin_bank_root, check_content

BANK = builtin_bank_root()


def test_check_content_reports_each_question_as_it_starts() -> None:
    seen: list[tuple[int, int, str]] = []
    folders = [BANK / "theory" / "bias-variance", BANK / "coding" / "jaccard-similarity"]
    report = check_content(folders, progress=lambda *args: seen.append(args))
    assert report.ok, report.errors
    assert seen == [(0, 2, "bias-variance"), (1, 2, "jaccard-similarity")]


def test_the_cli_shows_progress_on_a_terminal_and_erases_it(tmp_path: Path) -> None:
    # a question whose tests.py takes a second to import: the check outlasts half a second
    slow = tmp_path / "bank" / "coding" / "jaccard-similarity"
    shutil.copytree(BANK / "coding" / "jaccard-similarity", slow)
    tests = slow / "tests.py"
    tests.write_text("import time\n\ntime.sleep(1.0)\n" + tests.read_text("utf-8"), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MLPREP_NO_PROGRESS"}
    env.update(MLPREP_HOME=str(tmp_path / "home"), MLPREP_NO_SERVICE="1")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mlprep", "content", "check", str(slow)],
        env=env,
        encoding="utf-8",
        timeout=120,
        dimensions=(24, 200),
    )
    child.expect(pexpect.EOF)
    child.close()
    out = child.before
    assert child.exitstatus == 0, out
    assert "checking content: 0/1 done (jaccard-similarity)" in out
    # the progress line is erased (CR + erase-line) before the result is printed
    assert "\r\x1b[K\x1b[32mok\x1b[0m: 1 questions valid" in out
