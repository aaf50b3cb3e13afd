"""Read-only commands work on a read-only data folder or database file.

Root ignores permission bits, so as root the folder (or the file) is made read-only
with a read-only bind mount in a private mount namespace (unshare, else bubblewrap);
any other user gets plain permission bits. Either way SQLite cannot write there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MLPREP = str(Path(sys.executable).parent / "mlprep")
READ_ONLY_COMMANDS = [["list"], ["show", "{q}"], ["stats", "--json"], ["due"], ["answer", "{q}"]]


def _read_only_runner(target: Path) -> list[str]:
    """A command prefix under which ``target`` cannot be written (or skip)."""
    if os.geteuid() != 0:
        if target.is_dir():
            target.chmod(0o555)
        else:
            target.chmod(0o444)
        return []
    t = str(target)
    unshare = [
        "unshare",
        "-m",
        "sh",
        "-c",
        f'mount --bind "{t}" "{t}" && mount -o remount,bind,ro "{t}" && exec "$@"',
        "sh",
    ]
    bwrap = [
        "bwrap",
        "--unshare-user",
        "--uid",
        "0",
        "--gid",
        "0",
        "--dev-bind",
        "/",
        "/",
        "--ro-bind",
        t,
        t,
        "--",
    ]
    for prefix in (unshare, bwrap):
        if shutil.which(prefix[0]) is None:
            continue
        probe = subprocess.run([*prefix, "sh", "-c", f'touch "{t}"'], capture_output=True)
        if probe.returncode != 0 and b"Read-only file system" in probe.stderr:
            return prefix
    if os.environ.get("CI") == "true":
        pytest.fail("cannot make a read-only mount here (no unshare -m, no bubblewrap)")
    pytest.skip("root without a way to make a read-only mount here")


def _mlprep(prefix: list[str], home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MLPREP_HOME": str(home)}
    return subprocess.run(
        [*prefix, MLPREP, *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def home_with_progress(tmp_path: Path) -> tuple[Path, str]:
    home = tmp_path / "home"
    listed = _mlprep([], home, "list", "--json")
    question = next(
        q["id"] for q in json.loads(listed.stdout)["questions"] if q.get("kind") != "coding"
    )
    graded = subprocess.run(
        [MLPREP, "grade", question, "-"],
        input="bias and variance trade off",
        capture_output=True,
        text=True,
        env={**os.environ, "MLPREP_HOME": str(home)},
    )
    assert graded.returncode in (0, 1) and graded.stderr == "", graded.stderr  # 1: not passed
    return home, question


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_commands_work_on_a_read_only_store(home_with_progress, what):
    home, question = home_with_progress
    prefix = _read_only_runner(home if what == "folder" else home / "progress.db")
    for command in READ_ONLY_COMMANDS:
        args = [a.format(q=question) for a in command]
        run = _mlprep(prefix, home, *args)
        assert run.returncode == 0, (args, run.stderr)
        if args[0] == "stats":
            assert json.loads(run.stdout)["attempts"] == 1  # the progress is read, not lost
    # a command that must write says so in one line
    hint = _mlprep(prefix, home, "hint", question)
    assert hint.returncode == 1 and hint.stderr.count("\n") == 1
    assert "read-only" in hint.stderr and "Traceback" not in hint.stderr
