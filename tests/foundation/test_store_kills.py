"""Processes killed at random moments never leave the store half-written.

Each test runs one driver process that imports everything once, then forks writers
and SIGKILLs them after a random delay, many times (bounded); the test then opens the
database and checks what every kill must have left behind.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from mlprep.store import HEAD_REVISION, Store

KILLS = 30

ATTEMPT_WRITER = textwrap.dedent(
    """
    import os, random, signal, sys, time
    from mlprep._core import Mlprep
    import fsrs, mlprep.grading, mlprep.study  # imported once, before the forks

    db, kills, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    core = Mlprep(db=db)
    question = next(q for q in core.bank if not q.is_coding)
    # the lexical grader: the store's writes, not the claim model, fill the writers'
    # time (~0.02 s a grade and its record, against ~0.1 s with the default grader)
    core.grade(question.id, "warm-up answer", grader="lexical")  # all warm
    core.store.engine.dispose()  # no SQLite connection crosses a fork
    rng = random.Random(seed)
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:
            while True:
                core.grade(
                    question.id, "bias and variance trade off as the model grows", grader="lexical"
                )
        time.sleep(rng.uniform(0.1, 0.4))  # a fresh fork writes its first in ~0.05 s
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    """
)


def test_no_kill_leaves_an_attempt_without_its_review(tmp_path: Path) -> None:
    db = tmp_path / "kills.db"
    driver = subprocess.run(
        [sys.executable, "-c", ATTEMPT_WRITER, str(db), str(KILLS), "14"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert driver.returncode == 0, driver.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = Store(db)
    attempts = store.attempts()
    assert len(attempts) > KILLS  # the writers did write between the kills
    # One review per sitting (docs/practice.md): every attempt is counted by its
    # sitting, and every sitting with an attempt has its review, or neither was written.
    from mlprep.store import Sitting

    with store.transaction() as s:
        sittings = list(s.query(Sitting))
    logs = {log.id for log in store.review_logs()}
    assert sum(sitting.attempts for sitting in sittings) == len(attempts)
    unreviewed = [x.id for x in sittings if x.attempts and x.review_log_id not in logs]
    assert not unreviewed, f"{len(unreviewed)} of {len(sittings)} sittings have no review"


SETUP_KILLER = textwrap.dedent(
    """
    import os, random, signal, sys, time
    from pathlib import Path
    import alembic.command, mlprep.store  # imported once, before the forks
    from mlprep.store import Store

    folder, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    start = time.perf_counter()
    Store(folder / "timing.db").close()
    took = time.perf_counter() - start
    rng = random.Random(seed)
    for i in range(kills):
        pid = os.fork()
        if pid == 0:
            Store(folder / f"new{i}.db")
            os._exit(0)
        time.sleep(rng.uniform(0, took * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    print(f"{took:.3f}")
    """
)


def test_a_kill_during_first_setup_never_leaves_a_database_that_will_not_open(
    tmp_path: Path,
) -> None:
    driver = subprocess.run(
        [sys.executable, "-c", SETUP_KILLER, str(tmp_path), str(KILLS // 2), "3"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert driver.returncode == 0, driver.stderr[-2000:]
    partial = 0
    for path in sorted(tmp_path.glob("new*.db")):
        with sqlite3.connect(path) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        partial += bool(tables) and "alembic_version" not in tables
        store = Store(path)  # opens (and finishes the set-up) whatever the kill left
        assert store.current_revision() == HEAD_REVISION
        assert store.attempts() == []
        store.close()
    assert not partial, f"{partial} databases were left with tables but no schema version"
