"""Path and database mistakes on the command line: one line, exit 2, nothing left behind.

Everything runs through the real `mlprep` process. Permission cases drop the
capabilities that let root ignore permission bits (setpriv), since the interpreter
under /root cannot be run as another user here.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

MLPREP = str(Path(sys.executable).parent / "mlprep")
# root without the capabilities that bypass file permissions: like any other user
UNPRIVILEGED = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner,-chown",
    "--inh-caps=-all",
]


def mlprep(
    *args: str, cwd: Path | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), MLPREP, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def assert_one_line_usage_error(result: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for part in parts:
        assert part in lines[0], lines[0]
    for leak in ("sqlite:", "sqlalche.me", "Traceback", "internal error"):
        assert leak not in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["stats", "--plot", "nodir/p.png"], "no such folder: nodir"),
        (["stats", "--plot", "d"], "d is a folder"),
        (["import", "d"], "d is a folder"),
        (["notebook", "d/"], "d is a folder"),
        (["export", "d"], "d is a folder"),
        (["export", "nodir/x.json"], "no such folder: nodir"),
        (["export", "/proc/version"], "cannot write /proc/version"),
        (["export", "/proc/new.json"], "cannot write /proc/new.json"),
    ],
)
def test_a_path_mistake_is_one_line_and_exit_2(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    (tmp_path / "d").mkdir()
    result = mlprep(*args, cwd=tmp_path)
    assert_one_line_usage_error(result, expected)
    # nothing written beside the folder or left half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]
    assert list((tmp_path / "d").iterdir()) == []


def test_plot_and_export_write_exactly_the_file_named(tmp_path: Path) -> None:
    result = mlprep("stats", "--plot", "plots", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plots").read_bytes().startswith(b"\x89PNG")
    assert mlprep("export", "out.json", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "plots"]
    assert json.loads((tmp_path / "out.json").read_text())["schema"] == "mlprep.export"


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["stats", "--json"],
        ["list"],
        ["show", "k-means"],
        ["due"],
        ["answer", "k-means"],
        ["coverage"],
    ],
)
def test_read_only_commands_create_no_database_or_folder(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "no" / "such" / "p.db"
    result = mlprep("--db", str(db), *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "no").exists()
    assert list(tmp_path.iterdir()) == []


def test_read_only_command_on_a_missing_database_shows_no_progress(tmp_path: Path) -> None:
    result = mlprep("--db", str(tmp_path / "p.db"), "stats", "--json")
    assert json.loads(result.stdout)["attempts"] == 0
    assert not (tmp_path / "p.db").exists()
    # a command that writes still creates it
    assert mlprep("--db", str(tmp_path / "p.db"), "hint", "k-means").returncode == 0
    assert (tmp_path / "p.db").is_file()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    before = db.read_bytes()
    for args in (["stats"], ["hint", "k-means"]):
        result = mlprep("--db", str(db), *args)
        assert_one_line_usage_error(result, "not an mlprep progress database", "photos")
    assert db.read_bytes() == before
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"photos"}


@pytest.mark.parametrize("content", [b"hello, not a database\n" * 20, b"\x89PNG\r\n" + bytes(200)])
def test_a_file_that_is_no_database_is_one_line(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "p.db"
    db.write_bytes(content)
    result = mlprep("--db", str(db), "stats")
    assert_one_line_usage_error(result, f"{db} is not an SQLite database file")
    assert db.read_bytes() == content


def test_a_folder_as_database_is_one_line(tmp_path: Path) -> None:
    result = mlprep("--db", str(tmp_path), "hint", "k-means")
    assert_one_line_usage_error(result, "is a folder")


def _unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv cannot drop its permission override")
    return UNPRIVILEGED


def test_unreadable_and_read_only_database_files(tmp_path: Path) -> None:
    prefix = _unprivileged()
    db = tmp_path / "p.db"
    assert mlprep("--db", str(db), "hint", "k-means").returncode == 0
    owner = 65534 if os.geteuid() == 0 else os.geteuid()
    if os.geteuid() == 0:
        os.chown(db, owner, owner)
    db.chmod(0o000)
    result = mlprep("--db", str(db), "stats", prefix=prefix)
    assert_one_line_usage_error(result, str(db), "not readable")
    # read-only: the commands that read work, one that writes says why in one line
    db.chmod(0o444)
    stats = mlprep("--db", str(db), "stats", "--json", prefix=prefix)
    assert stats.returncode == 0, stats.stderr
    hint = mlprep("--db", str(db), "hint", "k-means", prefix=prefix)
    assert hint.returncode == 1
    assert hint.stderr.strip() == (
        "error: the progress database is read-only here; this command needs to write to it"
    )


def test_bad_filter_values_exit_2_everywhere(tmp_path: Path) -> None:
    for args in (
        ["due", "-c", "nonsense"],
        ["practice", "-c", "nonsense"],
        ["notebook", "-c", "nonsense", "x.ipynb"],
        ["practice", "-d", "impossible"],
        ["notebook", "-d", "impossible", "x.ipynb"],
    ):
        result = mlprep(*args, cwd=tmp_path)
        assert_one_line_usage_error(result, "unknown")
        assert "choose from" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_due_shows_every_row_or_says_how_many_more() -> None:
    due = json.loads(mlprep("due", "--json").stdout)
    total = due["count"]
    assert total > 50
    shown = mlprep("due").stdout
    assert f"and {total - 50} more" in shown
    every = mlprep("due", "--all").stdout
    assert "--all` shows" not in every
    ids = [item["id"] for item in due["items"]]
    assert all(qid in every for qid in ids)
