"""The progress store: migrations on new and upgraded databases, atomic writes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

import mlprep.store
from mlprep.errors import StoreError
from mlprep.store import HEAD_REVISION, AttemptInput, Store


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_head_revision_constant_matches_alembic() -> None:
    config = Config()
    config.set_main_option(
        "script_location", str(Path(mlprep.store.__file__).parent / "migrations")
    )
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_new_database_is_migrated_to_head(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    store = Store(db)
    assert store.current_revision() == HEAD_REVISION
    assert {
        "learner",
        "attempt",
        "hint_state",
        "review_state",
        "review_log",
        "mock_session",
        "note",
        "draft",
    } <= _tables(db)


def test_upgrade_keeps_existing_progress(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old = Store(db, migrate=False)
    old.migrate("0001")
    assert old.current_revision() == "0001"
    assert "note" not in _tables(db)
    old.record_attempt(AttemptInput("bias-variance", "written", "my answer", score=0.6))
    old.reveal_hint("bias-variance", 3)
    old.close()

    upgraded = Store(db)
    assert upgraded.current_revision() == HEAD_REVISION
    [attempt] = upgraded.attempts()
    assert (attempt.question_id, attempt.answer, attempt.score) == (
        "bias-variance",
        "my answer",
        0.6,
    )
    assert attempt.created_at.tzinfo is not None
    assert upgraded.hints_revealed("bias-variance") == 1
    upgraded.set_note("bias-variance", "remember the U curve")
    assert upgraded.note("bias-variance") == "remember the U curve"


def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_round_trip_of_reviews_and_mocks(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    due = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    store.save_review("k-means", card_json="{}", due=due, lapses=1, leech=False, rating=3)
    row = store.review("k-means")
    assert row is not None and row.due == due and row.lapses == 1
    assert [log.rating for log in store.review_logs()] == [3]
    mock = store.create_mock("ml-engineer", 45, {"questions": ["k-means"]})
    store.finish_mock(mock.id, {"score": 0.5})
    [saved] = store.mocks()
    assert saved.finished_at is not None and '"score": 0.5' in (saved.scorecard_json or "")


def test_naive_datetimes_are_rejected(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    with pytest.raises((StoreError, ValueError)):
        store.save_review(
            "k-means", card_json="{}", due=datetime(2030, 1, 1), lapses=0, leech=False
        )


WRITER = textwrap.dedent(
    """
    import sys
    from mlprep.store import Store, AttemptInput
    store = Store(sys.argv[1])
    print("ready", flush=True)
    i = 0
    while True:
        # Each attempt is its own transaction: committed ones must survive the kill.
        store.record_attempt(AttemptInput(f"q{i}", "written", "x" * 5000, score=0.5))
        i += 1
        if i % 20 == 0:
            print(i, flush=True)
    """
)


def test_process_killed_during_writes_loses_no_committed_attempt(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    Store(db).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    reported = 0
    deadline = time.monotonic() + 30
    while reported < 100 and time.monotonic() < deadline:
        reported = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    attempts = Store(db).attempts()
    # Every attempt reported as written before the kill is there, numbered without gaps.
    assert len(attempts) >= reported >= 100
    assert [a.question_id for a in attempts] == [f"q{i}" for i in range(len(attempts))]


OPENER = textwrap.dedent(
    """
    import sys, time
    from mlprep.store import Store, AttemptInput
    while time.time() < float(sys.argv[2]):
        pass
    store = Store(sys.argv[1])
    for i in range(20):
        store.record_attempt(AttemptInput(f"{sys.argv[3]}-{i}", "written", "x", score=0.5))
    """
)


def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "race.db"
    start = time.time() + 1.5  # every process spins until the same instant
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(db), str(start), f"p{n}"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    assert len(Store(db).attempts()) == 80


def test_0004_sittings_downgrade_and_upgrade_on_sqlite(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    import mlprep.store

    db = tmp_path / "p.db"
    store = Store(db)
    assert "sitting" in _tables(db)
    config = Config()
    config.set_main_option(
        "script_location", str(Path(mlprep.store.__file__).parent / "migrations")
    )
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    assert store.current_revision() == "0003" and "sitting" not in _tables(db)
    store.close()
    again = Store(db)
    assert again.current_revision() == HEAD_REVISION and "sitting" in _tables(db)
    mock = again.create_mock("research", 30, {"questions": []})
    again.finish_mock(mock.id, None, abandoned=True)
    assert again.mocks()[0].abandoned


def test_opening_a_database_while_another_creates_it_waits(tmp_path):
    # Switching a new file to WAL met the creator's lock and failed at once ("database
    # is locked": SQLite skips its busy handler there); 16 of 100 such races did
    import threading

    errors: list[Exception] = []

    def open_store(db: Path, opened: threading.Event) -> None:
        try:
            Store(db)
        except StoreError as exc:
            errors.append(exc)
        opened.set()

    def poll(db: Path, opened: threading.Event) -> None:
        while not opened.is_set():
            try:
                Store(db).current_revision()
            except StoreError as exc:
                errors.append(exc)
                return

    for round_ in range(40):
        db = tmp_path / f"p{round_}.db"
        opened = threading.Event()
        poller = threading.Thread(target=poll, args=(db, opened))
        poller.start()
        open_store(db, opened)
        poller.join()
    assert errors == []
