"""The progress store on a real PostgreSQL: migrations, every method, time zones, atomicity.

Where it matters, the same operations run on SQLite too and the two results must be
identical: the store promises one behaviour on both backends.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, make_url, select, text

from mlprep.errors import StoreError
from mlprep.store import HEAD_REVISION, Attempt, AttemptInput, Base, Store

pytestmark = pytest.mark.pg

TABLES = {
    "alembic_version",
    "learner",
    "attempt",
    "hint_state",
    "review_state",
    "review_log",
    "mock_session",
    "note",
    "draft",
    "sitting",
    # team mode (0005)
    "account",
    "web_session",
    "access_link",
    "sign_in_attempt",
    "team_secret",
    "cohort",
    "membership",
    "assignment",
    "assessment",
    "grade_override",
    # judge and grading workers (0006)
    "submission",
    # team settings shared by server processes (0007)
    "team_setting",
}
T0 = datetime(2026, 3, 2, 10, 0, 0, 123456, tzinfo=UTC)


def _raw(url: str) -> Any:
    """A plain psycopg connection, outside the store, to look at or race with it."""
    import psycopg

    parts = make_url(url)
    return psycopg.connect(
        host=parts.host,
        port=parts.port,
        user=parts.username,
        password=parts.password,
        dbname=parts.database,
    )


# -- migrations ------------------------------------------------------------------------


def test_new_database_is_migrated_to_head_and_matches_the_models(pg_url: str) -> None:
    store = Store(pg_url)
    assert store.engine.dialect.name == "postgresql"
    assert store.current_revision() == HEAD_REVISION
    with store.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == TABLES
        # What the migrations built on PostgreSQL is what the models describe.
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        zoned = conn.execute(
            text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'"
            )
        ).all()
    assert {(t, c) for t, c in zoned} == {
        ("learner", "created_at"),
        ("attempt", "created_at"),
        ("hint_state", "updated_at"),
        ("review_state", "due"),
        ("review_state", "updated_at"),
        ("review_log", "reviewed_at"),
        ("mock_session", "started_at"),
        ("mock_session", "finished_at"),
        ("note", "updated_at"),
        ("draft", "updated_at"),
        ("sitting", "started_at"),
        ("sitting", "last_at"),
        ("account", "created_at"),
        ("web_session", "created_at"),
        ("web_session", "expires_at"),
        ("access_link", "created_at"),
        ("access_link", "expires_at"),
        ("access_link", "used_at"),
        ("sign_in_attempt", "at"),
        ("team_secret", "created_at"),
        ("cohort", "created_at"),
        ("membership", "joined_at"),
        ("assignment", "opens_at"),
        ("assignment", "due_at"),
        ("assignment", "created_at"),
        ("grade_override", "created_at"),
        ("submission", "created_at"),
        ("submission", "started_at"),
        ("submission", "finished_at"),
        ("team_setting", "updated_at"),
    }
    store.close()
    # Opening a current database again changes nothing.
    again = Store(pg_url)
    assert again.current_revision() == HEAD_REVISION
    again.close()


def test_upgrade_from_0001_keeps_existing_progress(pg_url: str) -> None:
    old = Store(pg_url, migrate=False)
    assert old.current_revision() is None
    old.migrate("0001")
    assert old.current_revision() == "0001"
    with old.engine.connect() as conn:
        assert "note" not in inspect(conn).get_table_names()
    # Through SQL: today's model has columns (mock_session.abandoned) 0001 lacks.
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO learner (name, created_at) VALUES ('local', :t)"), {"t": T0})
        mock_id = conn.execute(
            text(
                "INSERT INTO mock_session (learner_id, track, minutes, started_at, plan_json) "
                "SELECT id, 'ml-engineer', 45, :t, '{}' FROM learner RETURNING id"
            ),
            {"t": T0},
        ).scalar_one()
    old.record_attempt(
        AttemptInput(
            "k-means",
            "coding",
            "def k_means(): ...",
            verdict="wrong_answer",
            mock_id=mock_id,
            created_at=T0,
        )
    )
    old.record_attempt(AttemptInput("bias-variance", "written", "my answer", score=0.6))
    old.reveal_hint("bias-variance", 3)
    old.save_review("k-means", card_json='{"s": 1}', due=T0, lapses=0, leech=False, rating=1)
    old.close()

    upgraded = Store(pg_url)
    assert upgraded.current_revision() == HEAD_REVISION
    first, second = upgraded.attempts()
    assert (first.question_id, first.verdict, first.mock_id, first.created_at) == (
        "k-means",
        "wrong_answer",
        mock_id,
        T0,
    )
    assert (second.question_id, second.answer, second.score) == ("bias-variance", "my answer", 0.6)
    assert upgraded.hints_revealed("bias-variance") == 1
    review = upgraded.review("k-means")
    assert review is not None and review.due == T0
    assert [(m.id, m.abandoned) for m in upgraded.mocks()] == [(mock_id, False)]
    # The tables the upgrades added work.
    upgraded.set_note("bias-variance", "remember the U curve")
    assert upgraded.note("bias-variance") == "remember the U curve"
    upgraded.finish_mock(mock_id, None, abandoned=True)
    assert upgraded.mocks()[0].abandoned


def _downgrade(store: Store, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    import mlprep.store

    config = Config()
    config.set_main_option(
        "script_location", str(Path(mlprep.store.__file__).parent / "migrations")
    )
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_0004_downgrades_and_upgrades_again(pg_url: str) -> None:
    store = Store(pg_url)
    _downgrade(store, "0003")
    assert store.current_revision() == "0003"
    with store.engine.connect() as conn:
        assert "sitting" not in inspect(conn).get_table_names()
        columns = {c["name"] for c in inspect(conn).get_columns("mock_session")}
        assert "abandoned" not in columns
    store.migrate("head")
    assert store.current_revision() == HEAD_REVISION


def test_database_newer_than_the_code_is_refused(pg_url: str) -> None:
    Store(pg_url).close()
    with _raw(pg_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer"):
        Store(pg_url)


def test_unreachable_server_is_a_store_error(pg_url: str) -> None:
    wrong_password = make_url(pg_url).set(password="not-the-password")
    with pytest.raises(StoreError, match="cannot read the progress database"):
        Store(wrong_password.render_as_string(hide_password=False))


# -- every store method, on both backends ---------------------------------------------------


def _exercise(store: Store) -> dict[str, Any]:
    """Use every store method once or more; return what they gave back, ids left out."""
    seen: dict[str, Any] = {}
    mock = store.create_mock("data-scientist", 30, {"questions": ["k-means", "bias-variance"]})
    store.record_attempt(
        AttemptInput(
            "k-means",
            "coding",
            "import numpy as np\n# ünïcode ✓ and 'quotes' \"too\"",
            verdict="accepted",
            score=1.0,
            time_spent_s=12.25,
            hints_used=1,
            solution_seen=False,
            source="web",
            mock_id=mock.id,
            result={"verdict": "accepted", "tests": [{"verdict": "accepted", "ms": 3.5}]},
            created_at=T0,
        )
    )
    store.record_attempt(
        AttemptInput("bias-variance", "written", "x" * 20_000, score=0.1 + 0.2, created_at=T0)
    )
    store.record_attempt(
        AttemptInput("bias-variance", "written", "later", created_at=T0 + timedelta(hours=1))
    )
    seen["attempts"] = [
        (
            a.question_id,
            a.kind,
            a.answer,
            a.verdict,
            a.score,
            a.time_spent_s,
            a.hints_used,
            a.solution_seen,
            a.source,
            a.mock_id == mock.id,
            a.result_json and json.loads(a.result_json),
            a.created_at,
        )
        for a in store.attempts()
    ]
    seen["by_question"] = [a.answer[:5] for a in store.attempts(question_id="bias-variance")]
    seen["since"] = [a.answer for a in store.attempts(since=T0 + timedelta(minutes=1))]

    seen["hints_before"] = store.hints_revealed("k-means")
    seen["reveals"] = [store.reveal_hint("k-means", 2) for _ in range(3)]  # capped at 2
    seen["solution_before"] = store.solution_seen("k-means")
    store.mark_solution_seen("k-means")
    seen["solution_after"] = store.solution_seen("k-means")
    store.reset_hints("k-means")
    store.reset_hints("never-opened")  # nothing to reset: no error, no row
    seen["after_reset"] = (store.hints_revealed("k-means"), store.solution_seen("k-means"))

    seen["note_before"] = store.note("k-means")
    store.set_note("k-means", "first")
    store.set_note("k-means", "second: ∑ xᵢ²")
    seen["note"] = store.note("k-means")

    seen["draft_before"] = store.draft("k-means")
    store.save_draft("k-means", "def k_means(x, k):\n    pass  # ✓")
    store.save_draft("k-means", "def k_means(x, k):\n    return x  # ✓")
    store.save_draft("k-means", "mock text", scope="mock-1")
    practice, in_mock = store.draft("k-means"), store.draft("k-means", scope="mock-1")
    assert practice is not None and in_mock is not None
    seen["drafts"] = (practice.text, in_mock.text, practice.updated_at.tzinfo is not None)

    store.save_review(
        "k-means",
        card_json='{"a": 1}',
        due=T0 + timedelta(days=3),
        lapses=0,
        leech=False,
        rating=3,
        reviewed_at=T0,
    )
    store.save_review(
        "bias-variance",
        card_json='{"b": 2}',
        due=T0 + timedelta(days=1),
        lapses=4,
        leech=True,
        rating=1,
        reviewed_at=T0 + timedelta(hours=1),
    )
    # Without a rating the card moves but nothing is logged (backlog spreading).
    store.save_review(
        "k-means", card_json='{"a": 1}', due=T0 + timedelta(days=4), lapses=0, leech=False
    )
    k_means = store.review("k-means")
    assert k_means is not None
    seen["review"] = (k_means.card_json, k_means.due, k_means.lapses, k_means.leech)
    seen["missing_review"] = store.review("no-such-question")
    seen["reviews"] = [(r.question_id, r.due, r.leech) for r in store.reviews()]
    seen["review_logs"] = [(g.question_id, g.rating, g.reviewed_at) for g in store.review_logs()]

    store.finish_mock(mock.id, {"total": 0.75, "questions": []})
    with pytest.raises(StoreError, match="no mock interview"):
        store.finish_mock(10_000, {})
    seen["mocks"] = [
        (m.track, m.minutes, json.loads(m.plan_json), json.loads(m.scorecard_json or "null"))
        for m in store.mocks()
    ]
    [finished] = store.mocks()
    assert finished.finished_at is not None and finished.finished_at >= finished.started_at

    # A second learner sees none of the first one's progress.
    seen["other_learner"] = (
        store.attempts(learner="other"),
        store.hints_revealed("k-means", learner="other"),
        store.note("k-means", learner="other"),
        store.draft("k-means", learner="other"),
        store.reviews(learner="other"),
        store.review_logs(learner="other"),
        store.mocks(learner="other"),
    )
    seen["learner_ids_differ"] = store.learner_id() != store.learner_id("other")
    return seen


def test_every_store_method_round_trips(pg_url: str, tmp_path: Path) -> None:
    on_pg = _exercise(Store(pg_url))
    on_sqlite = _exercise(Store(tmp_path / "s.db"))
    assert on_pg == on_sqlite

    assert [a[0] for a in on_pg["attempts"]] == ["k-means", "bias-variance", "bias-variance"]
    first = on_pg["attempts"][0]
    assert first[2] == "import numpy as np\n# ünïcode ✓ and 'quotes' \"too\""
    assert first[3:10] == ("accepted", 1.0, 12.25, 1, False, "web", True)
    assert first[10] == {"verdict": "accepted", "tests": [{"verdict": "accepted", "ms": 3.5}]}
    assert on_pg["attempts"][1][2] == "x" * 20_000
    assert on_pg["attempts"][1][4] == 0.1 + 0.2  # a double, not a rounded float4
    assert on_pg["by_question"] == ["xxxxx", "later"]
    assert on_pg["since"] == ["later"]
    assert on_pg["hints_before"] == 0 and on_pg["reveals"] == [1, 2, 2]
    assert (on_pg["solution_before"], on_pg["solution_after"]) == (False, True)
    assert on_pg["after_reset"] == (0, False)
    assert (on_pg["note_before"], on_pg["note"]) == ("", "second: ∑ xᵢ²")
    assert on_pg["review"] == ('{"a": 1}', T0 + timedelta(days=4), 0, False)
    assert on_pg["missing_review"] is None
    assert on_pg["reviews"] == [
        ("bias-variance", T0 + timedelta(days=1), True),
        ("k-means", T0 + timedelta(days=4), False),
    ]
    assert on_pg["review_logs"] == [
        ("k-means", 3, T0),
        ("bias-variance", 1, T0 + timedelta(hours=1)),
    ]
    assert on_pg["mocks"] == [
        (
            "data-scientist",
            30,
            {"questions": ["k-means", "bias-variance"]},
            {"total": 0.75, "questions": []},
        )
    ]
    assert on_pg["draft_before"] is None
    assert on_pg["drafts"] == ("def k_means(x, k):\n    return x  # ✓", "mock text", True)
    assert on_pg["other_learner"] == ([], 0, "", None, [], [], [])
    assert on_pg["learner_ids_differ"]


# -- time zones ----------------------------------------------------------------------------


def test_aware_datetimes_come_back_aware_utc_and_equal(pg_url: str) -> None:
    # The connection's session time zone is not UTC: values must still come back in UTC.
    tokyo_session = pg_url + "?options=" + quote("-c timezone=Asia/Tokyo")
    store = Store(tokyo_session)
    with store.engine.connect() as conn:
        assert conn.execute(text("SHOW timezone")).scalar() == "Asia/Tokyo"
    moments = [
        T0,
        datetime(2026, 7, 1, 23, 30, 0, 1, tzinfo=ZoneInfo("America/New_York")),  # DST
        datetime(2026, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    ]
    for index, moment in enumerate(moments):
        store.record_attempt(AttemptInput(f"q{index}", "written", "a", created_at=moment))
        store.save_review(
            f"q{index}",
            card_json="{}",
            due=moment,
            lapses=0,
            leech=False,
            rating=3,
            reviewed_at=moment,
        )
    by_question = {a.question_id: a.created_at for a in store.attempts()}
    for index, moment in enumerate(moments):
        back = by_question[f"q{index}"]
        assert back == moment
        assert back.utcoffset() == timedelta(0) and back.isoformat().endswith("+00:00")
        assert back.isoformat() == moment.astimezone(UTC).isoformat()  # microseconds kept
        review = store.review(f"q{index}")
        assert review is not None and review.due == moment and review.due.tzinfo is not None
    assert all(g.reviewed_at.utcoffset() == timedelta(0) for g in store.review_logs())

    # What PostgreSQL holds is the instant, not a local wall-clock reading.
    with _raw(pg_url) as conn:
        stored = conn.execute(
            "SELECT created_at AT TIME ZONE 'UTC' FROM attempt WHERE question_id = 'q1'"
        ).fetchone()[0]
    assert stored == moments[1].astimezone(UTC).replace(tzinfo=None)

    # Filtering by time compares instants, whatever zone the bound is in.
    since = T0.astimezone(ZoneInfo("Asia/Kolkata"))
    assert {a.question_id for a in store.attempts(since=since)} == {"q0", "q1"}
    assert {a.question_id for a in store.attempts(since=since + timedelta(microseconds=1))} == {
        "q1"
    }


def test_naive_datetimes_are_refused_and_nothing_is_written(pg_url: str) -> None:
    store = Store(pg_url)
    with pytest.raises((StoreError, ValueError), match="naive"):
        store.record_attempt(AttemptInput("q", "written", "a", created_at=datetime(2026, 1, 1)))
    assert store.attempts() == []


# -- transactions --------------------------------------------------------------------------


def test_an_exception_inside_a_transaction_leaves_nothing_behind(pg_url: str) -> None:
    store = Store(pg_url)
    lid = store.learner_id()
    with pytest.raises(RuntimeError, match="crash"), store.transaction() as s:
        s.add(
            Attempt(
                learner_id=lid,
                question_id="q1",
                kind="written",
                answer="a",
                created_at=T0,
                hints_used=0,
                solution_seen=False,
                source="cli",
            )
        )
        s.flush()  # the row reached the server inside the transaction
        assert s.scalar(select(Attempt.id)) is not None
        raise RuntimeError("crash half way")
    assert store.attempts() == []


def test_a_write_the_database_refuses_rolls_back_the_whole_transaction(pg_url: str) -> None:
    store = Store(pg_url)
    store.record_attempt(AttemptInput("kept", "written", "a", created_at=T0))
    lid = store.learner_id()
    with pytest.raises(StoreError, match=r"ForeignKeyViolation|foreign key"):  # noqa: SIM117
        with store.transaction() as s:
            s.add(
                Attempt(
                    learner_id=lid,
                    question_id="lost",
                    kind="written",
                    answer="a",
                    created_at=T0,
                    hints_used=0,
                    solution_seen=False,
                    source="cli",
                )
            )
            s.flush()
            s.add(
                Attempt(
                    learner_id=lid,
                    question_id="bad",
                    kind="written",
                    answer="a",
                    created_at=T0,
                    hints_used=0,
                    solution_seen=False,
                    source="cli",
                    mock_id=424242,
                )
            )
    assert [a.question_id for a in store.attempts()] == ["kept"]


def test_postgresql_enforces_what_sqlite_lets_through(pg_url: str, tmp_path: Path) -> None:
    """Column lengths and NUL characters: refused cleanly on PostgreSQL, nothing written."""
    too_long = AttemptInput("q" * 65, "written", "a", created_at=T0)
    nul = AttemptInput("q", "coding", "print('a')\x00", created_at=T0)
    sqlite = Store(tmp_path / "s.db")
    sqlite.record_attempt(too_long)
    sqlite.record_attempt(nul)
    assert len(sqlite.attempts()) == 2

    store = Store(pg_url)
    with pytest.raises(StoreError, match="too long"):
        store.record_attempt(too_long)
    with pytest.raises(StoreError, match="NUL"):
        store.record_attempt(nul)
    assert store.attempts() == []


def test_two_stores_creating_the_same_learner_at_once_agree_on_it(pg_url: str) -> None:
    """The losing insert of a new learner reads the winner's row instead of failing.

    Another connection inserts the learner and holds its transaction open; the store
    does not see the row yet, tries its own insert, waits on the unique name, and
    must recover when the other side commits.
    """
    store = Store(pg_url)
    result: dict[str, Any] = {}
    with _raw(pg_url) as rival:
        rival_id = rival.execute(
            "INSERT INTO learner (name, created_at) VALUES ('racer', now()) RETURNING id"
        ).fetchone()[0]

        def create() -> None:
            try:
                result["id"] = store.learner_id("racer")
            except Exception as exc:  # reported below, in the test's thread
                result["error"] = exc

        worker = threading.Thread(target=create)
        worker.start()
        time.sleep(0.3)  # the store's insert is now waiting on the rival's lock
        assert worker.is_alive()
        rival.commit()
        worker.join(timeout=10)
    assert "error" not in result, result.get("error")
    assert result["id"] == rival_id
    store.record_attempt(AttemptInput("q", "written", "a"), learner="racer")
    assert len(store.attempts(learner="racer")) == 1
