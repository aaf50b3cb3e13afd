"""The study layer on PostgreSQL: graded attempts become reviews, export/import across
backends, and several processes writing to one database at once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mlprep import Mlprep
from mlprep.content import Bank
from mlprep.store import AttemptInput, Store
from mlprep.study import Rating, export_progress, import_progress, record_attempt, review

pytestmark = pytest.mark.pg

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Mlprep().bank  # loaded once: every core below shares it


def test_a_graded_answer_becomes_a_review_on_postgresql(pg_url: str, bank: Bank) -> None:
    core = Mlprep(db=pg_url, bank=bank)
    assert core.store.engine.dialect.name == "postgresql"
    core.next_hint("bias-variance")
    report = core.grade("bias-variance", "Bias is underfitting.", origin="web")
    [attempt] = core.store.attempts()
    assert (attempt.question_id, attempt.kind, attempt.source) == (
        "bias-variance",
        "written",
        "web",
    )
    assert attempt.score == report.score and attempt.hints_used == 1
    assert json.loads(attempt.result_json or "{}")["score"] == report.score
    [log] = core.store.review_logs()
    assert log.attempt_id == attempt.id and log.reviewed_at == attempt.created_at
    card = core.store.review("bias-variance")
    assert card is not None and card.due > attempt.created_at


def _scripted_history(core: Mlprep) -> None:
    """A fixed month of practice, written the way the interfaces write it."""
    store = core.store
    answers = [
        ("k-means", "coding", "wrong_answer", 0.0, 0),
        ("k-means", "coding", "accepted", 1.0, 1),
        ("bias-variance", "written", None, 0.35, 0),
        ("bias-variance", "written", None, 0.9, 4),
        ("k-means", "coding", "time_limit_exceeded", 0.0, 9),
        ("k-means", "coding", "accepted", 1.0, 9),
        ("bias-variance", "written", None, 0.8, 20),
    ]
    for index, (question_id, kind, verdict, score, day) in enumerate(answers):
        question = core.question(question_id)
        _attempt, rating = record_attempt(
            store,
            core.learner,
            question,
            AttemptInput(
                question_id,
                kind,
                f"answer on day {day}",
                verdict=verdict,
                score=score,
                result={"verdict": verdict, "score": score},
                created_at=T0 + timedelta(days=day, minutes=index),
            ),
        )
        assert rating is not None


def test_the_scheduler_gives_the_same_cards_on_both_backends(
    pg_url: str, tmp_path: Path, bank: Bank
) -> None:
    on_pg = Mlprep(db=pg_url, bank=bank)
    on_sqlite = Mlprep(db=tmp_path / "s.db", bank=bank)
    _scripted_history(on_pg)
    _scripted_history(on_sqlite)
    now = T0 + timedelta(days=30)
    pg_doc, sqlite_doc = export_progress(on_pg, now), export_progress(on_sqlite, now)
    assert pg_doc == sqlite_doc
    # 7 attempts, 6 sittings: the timeout and the acceptance a minute later are one.
    assert len(pg_doc["attempts"]) == 7 and len(pg_doc["review_log"]) == 6
    # In time order: k-means wrong, bias-variance 0.35, k-means accepted first try the
    # next day, bias-variance 0.9, accepted after one failure, 0.8.
    assert [g["rating"] for g in pg_doc["review_log"]] == [1, 1, 4, 4, 3, 3]
    assert {r["question_id"] for r in pg_doc["reviews"]} == {"k-means", "bias-variance"}
    assert [i.question.id for i in on_pg.practice_queue(now=now)][:2] == [
        i.question.id for i in on_sqlite.practice_queue(now=now)
    ][:2]


def _rich_progress(core: Mlprep) -> None:
    store = core.store
    row, plan = core.start_mock("data-scientist", 30, seed=2)
    store.record_attempt(
        AttemptInput(
            plan.question_ids[0],
            "coding",
            "def f():\n    return 'ünïcode ✓'",
            verdict="accepted",
            mock_id=row.id,
            time_spent_s=61.5,
            result={"verdict": "accepted", "tests": [{"verdict": "accepted"}]},
            created_at=row.started_at + timedelta(minutes=7),
        )
    )
    core.finish_mock(row.id)
    store.record_attempt(
        AttemptInput(
            "bias-variance",
            "written",
            "Bias: too simple. Variance: too sensitive.",
            score=0.42,
            hints_used=2,
            solution_seen=True,
            created_at=T0,
        )
    )
    core.next_hint("k-means")
    core.reveal_solution("k-means")
    review(store, "bias-variance", Rating.HARD, T0)
    review(store, "bias-variance", Rating.GOOD, T0 + timedelta(days=2))
    store.set_note("bias-variance", "remember: U-shaped test error")


def test_export_import_round_trip_between_sqlite_and_postgresql(
    pg_url: str, tmp_path: Path, bank: Bank
) -> None:
    source = Mlprep(db=tmp_path / "source.db", bank=bank)
    _rich_progress(source)
    exported = export_progress(source, T0)
    first = tmp_path / "from-sqlite.json"
    first.write_text(json.dumps(exported))

    on_pg = Mlprep(db=pg_url, bank=bank)
    added = import_progress(on_pg, first)
    assert added == {
        "attempts": 2,
        "hints": 1,
        "reviews": 1,
        "review_log": 2,
        "mocks": 1,
        "notes": 1,
        "drafts": 0,
    }
    assert export_progress(on_pg, T0) == exported
    # Importing the same file again matches every row by its natural key: nothing added.
    assert sum(import_progress(on_pg, first).values()) == 0
    assert export_progress(on_pg, T0) == exported
    [attempt_in_mock] = [a for a in on_pg.store.attempts() if a.mock_id is not None]
    assert attempt_in_mock.mock_id == on_pg.store.mocks()[0].id

    # And back: PostgreSQL to a new SQLite database.
    second = tmp_path / "from-pg.json"
    second.write_text(json.dumps(export_progress(on_pg, T0)))
    back = Mlprep(db=tmp_path / "back.db", bank=bank)
    import_progress(back, second)
    assert export_progress(back, T0) == exported


# -- several processes at once -----------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mlprep.store import AttemptInput, Store

    url, name, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    store = Store(url)  # the schema is migrated by whichever process comes first
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.002)
    for i in range(count):
        # A question of its own and one both writers share, hints and notes included.
        store.record_attempt(AttemptInput(f"{name}-{i}", "written", f"{name} {i}", score=0.5))
        store.record_attempt(AttemptInput("shared", "coding", f"{name} {i}", verdict="accepted"))
        store.reveal_hint(f"shared-{i}", 10)
        store.set_note(f"shared-{i}", name)
    print("done", flush=True)
    """
)


def _start_writers(
    url: str, names: list[str], go: Path, count: int, script: str = WRITER
) -> list[Any]:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", script, url, name, str(go), str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    for writer in writers:
        assert writer.stdout is not None
        line = writer.stdout.readline().strip()
        assert line == "ready", writer.stderr.read() if writer.stderr else line
    return writers


def test_two_processes_writing_at_once_lose_nothing(pg_url: str, tmp_path: Path) -> None:
    """Both open the same new database (migrating it), then write as fast as they can."""
    count = 60
    go = tmp_path / "go"
    writers = _start_writers(pg_url, ["alpha", "beta"], go, count)
    started = time.monotonic()
    go.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    elapsed = time.monotonic() - started

    store = Store(pg_url)
    attempts = store.attempts()
    assert len(attempts) == 4 * count
    assert len({a.id for a in attempts}) == len(attempts)
    for name in ("alpha", "beta"):
        own = sorted(a.answer for a in attempts if a.question_id.startswith(name))
        shared = sorted(a.answer for a in attempts if a.question_id == "shared")
        assert own == sorted(f"{name} {i}" for i in range(count))
        assert sum(answer.startswith(f"{name} ") for answer in shared) == count
    # Both revealed one hint of each shared question: two revealed, neither lost.
    assert [store.hints_revealed(f"shared-{i}") for i in range(count)] == [2] * count
    assert all(store.note(f"shared-{i}") in ("alpha", "beta") for i in range(count))
    # The writes overlapped in time (a serial run would also pass the checks above).
    alpha_times = [a.created_at for a in attempts if a.answer.startswith("alpha")]
    beta_times = [a.created_at for a in attempts if a.answer.startswith("beta")]
    assert max(alpha_times) > min(beta_times) and max(beta_times) > min(alpha_times)
    assert elapsed < 60


SITTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mlprep import Mlprep
    from mlprep.store import AttemptInput
    from mlprep.study import record_attempt

    url, name, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    core = Mlprep(db=url)
    question = core.question("k-means")
    core.store  # noqa: B018 - migrate before the start
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.002)
    for i in range(count):
        record_attempt(
            core.store, "local", question,
            AttemptInput("k-means", "coding", f"{name} {i}", verdict="wrong_answer"),
        )
    print("done", flush=True)
    """
)


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_processes_submitting_at_once_make_one_sitting(
    pg_url: str, tmp_path: Path, backend: str
) -> None:
    """A double submit from two processes: one sitting, one review, every attempt kept."""
    from mlprep.store import Sitting

    url = pg_url if backend == "postgresql" else f"sqlite:///{tmp_path / 'p.db'}"
    count = 15
    go = tmp_path / "go"
    writers = _start_writers(url, ["alpha", "beta"], go, count, SITTER)
    go.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    store = Store(url)
    assert len(store.attempts()) == 2 * count
    with store.transaction() as s:
        sittings = list(s.query(Sitting))
    assert len(sittings) == 1 and sittings[0].failures == 2 * count
    [log] = store.review_logs()
    assert log.rating == Rating.AGAIN
