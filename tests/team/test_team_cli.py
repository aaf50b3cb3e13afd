"""`mlprep team ...` and `mlprep serve --team`: output, --json shapes, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mlprep.store import AttemptInput, Store


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlprep", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "MLPREP_HOME": str(home)},
        timeout=120,
        check=False,
    )


def test_init_prints_a_link_once_and_refuses_a_second_team(db_url: str, tmp_path: Path) -> None:
    done = _run(
        "team",
        "init",
        "--db",
        db_url,
        "--email",
        "Cora@Example.org",
        "--name",
        "Cora",
        "--json",
        home=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["schema"] == "mlprep.team-link" and doc["purpose"] == "invite"
    assert doc["account"] == {"id": 1, "email": "cora@example.org", "name": "Cora", "role": "coach"}
    assert doc["url"].startswith("http://127.0.0.1:8765/welcome/")
    again = _run(
        "team", "init", "--db", db_url, "--email", "x@example.org", "--name", "X", home=tmp_path
    )
    assert again.returncode == 2 and again.stderr.startswith("error: this database already")
    assert "Traceback" not in again.stderr
    listed = json.loads(_run("team", "accounts", "--db", db_url, "--json", home=tmp_path).stdout)
    assert [(a["name"], a["password_set"]) for a in listed["accounts"]] == [("Cora", False)]
    reset = _run(
        "team",
        "link",
        "--db",
        db_url,
        "cora@example.org",
        "--url",
        "https://t.example",
        home=tmp_path,
    )
    assert reset.returncode == 0 and "https://t.example/welcome/" in reset.stdout
    unknown = _run("team", "link", "--db", db_url, "nobody", home=tmp_path)
    assert unknown.returncode == 2 and "no account" in unknown.stderr


def test_commands_on_a_database_without_a_team_exit_2(db_url: str, tmp_path: Path) -> None:
    for args in (
        ("team", "link", "--db", db_url, "someone"),
        ("team", "coach", "--db", db_url, "--email", "a@example.org", "--name", "A"),
        ("serve", "--team", "--db", db_url, "--no-browser", "--port", "0"),
    ):
        done = _run(*args, home=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        assert "team" in done.stderr and "Traceback" not in done.stderr
    bad = _run(
        "team", "init", "--db", db_url, "--email", "not-an-email", "--name", "A", home=tmp_path
    )
    assert bad.returncode == 2 and "not an email address" in bad.stderr
    assert _run("serve", "--db", db_url, "--no-browser", home=tmp_path).returncode == 2


def test_serve_processes_needs_team_mode_judged_on_workers(db_url: str, tmp_path: Path) -> None:
    _run("team", "init", "--db", db_url, "--email", "c@example.org", "--name", "C", home=tmp_path)
    for args in (
        ("serve", "--processes", "2", "--no-browser", "--port", "0"),
        ("serve", "--team", "--db", db_url, "--processes", "2", "--no-browser", "--port", "0"),
    ):
        done = _run(*args, home=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.startswith("error: --processes N needs --team --judge-on workers")
        assert "Traceback" not in done.stderr
    zero = _run("serve", "--team", "--db", db_url, "--processes", "0", home=tmp_path)
    assert zero.returncode == 2 and "Traceback" not in zero.stderr


def test_import_moves_solo_progress_into_an_account(db_url: str, tmp_path: Path) -> None:
    solo = tmp_path / "solo.db"
    store = Store(solo)
    store.record_attempt(AttemptInput("bias-variance", "written", "my answer", score=0.7))
    store.close()
    exported = tmp_path / "mine.json"
    assert _run("--db", str(solo), "export", str(exported), home=tmp_path).returncode == 0
    _run("team", "init", "--db", db_url, "--email", "c@example.org", "--name", "C", home=tmp_path)
    first = _run(
        "team", "import", str(exported), "--db", db_url, "--account", "C", "--json", home=tmp_path
    )
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["added"]["attempts"] == 1
    second = _run(
        "team", "import", str(exported), "--db", db_url, "--account", "C", "--json", home=tmp_path
    )
    assert json.loads(second.stdout)["added"]["attempts"] == 0
    team = Store(db_url)
    assert [a.answer for a in team.attempts(learner="account-1")] == ["my answer"]
    assert team.attempts() == []  # nothing went to the solo learner row
    missing = _run(
        "team", "import", str(exported), "--db", db_url, "--account", "nobody", home=tmp_path
    )
    assert missing.returncode == 2
