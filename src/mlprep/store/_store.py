"""The progress store: one object over a SQLAlchemy engine, migrated on open.

SQLite is the embedded default (WAL, synchronous=FULL, foreign keys on); the same
code takes a PostgreSQL URL. Every write happens inside one transaction, so a
process killed mid-write leaves the database as it was before that write.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from mlprep.errors import DatabaseUnusable, StoreError

from ._schema import (
    Attempt,
    Draft,
    HintState,
    Learner,
    MockSession,
    Note,
    ReviewLog,
    ReviewState,
    utcnow,
)
from ._target import check_sqlite_file, driver_reason, is_not_a_database, where

__all__ = ["DEFAULT_LEARNER", "HEAD_REVISION", "AttemptInput", "Store"]

# The newest migration in migrations/versions; a test pins it to Alembic's head.
HEAD_REVISION = "0008"
DEFAULT_LEARNER = "local"
# Key of the PostgreSQL advisory lock that serialises migrations (any fixed number).
_MIGRATION_LOCK_KEY = 0x6D6C70726570


@dataclass(frozen=True)
class AttemptInput:
    """What an interface hands the store when a learner submits an answer."""

    question_id: str
    kind: str  # coding | written
    answer: str
    verdict: str | None = None
    score: float | None = None
    time_spent_s: float | None = None
    hints_used: int = 0
    solution_seen: bool = False
    source: str = "cli"
    mock_id: int | None = None
    result: dict[str, Any] | None = None
    created_at: datetime | None = None


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _retry_on_conflict(write: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a find-or-create write once more when it lost a race for a new row.

    Two processes can both find a row missing and both insert it (a learner, a hint
    state, a note, a review card). The unique key refuses the second insert and its
    whole transaction rolls back; the retry finds the first process's row and updates it.
    """

    @functools.wraps(write)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return write(*args, **kwargs)
        except StoreError as exc:
            # transaction() raises StoreError from None; the driver's error is the context.
            if not isinstance(exc.__context__, IntegrityError):
                raise
            return write(*args, **kwargs)

    return run


_BUSY_TIMEOUT_S = 10


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_S * 1000}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Put the file in WAL mode (once per file: the mode is stored in it).

    SQLite answers a journal-mode switch that meets another connection's lock with
    "database is locked" at once, without its busy handler: a command opening a new
    database while another was creating it failed (16 of 100 tight races).
    The switch is retried for as long as the busy timeout would have waited.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _sqlite_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()  # changing the journal mode would be a write
    cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _read_only_url(path: Path) -> str | None:
    """A read-only SQLite URL when ``path`` exists but cannot be written, else None.

    Read-only commands then still work on a read-only data folder or database file
    (a shared or archived progress file, a locked-down home). When the folder is
    read-only, SQLite cannot create the WAL index next to the file, so the file is
    opened as immutable, unless a leftover write-ahead log holds commits to read.
    """
    if not path.is_file():
        return None
    writable_file = os.access(path, os.W_OK)
    writable_folder = os.access(path.parent, os.W_OK | os.X_OK)
    if writable_file and writable_folder:
        return None
    wal = path.with_name(path.name + "-wal")
    immutable = not writable_folder and not (wal.is_file() and wal.stat().st_size > 0)
    query = "mode=ro" + ("&immutable=1" if immutable else "") + "&uri=true"
    return f"sqlite:///file:{quote(str(path))}?{query}"


@contextmanager
def _transactional_ddl(conn: Any) -> Iterator[None]:
    """Make a migration on SQLite one transaction, so a kill cannot leave half a schema.

    Python's sqlite3 driver commits before DDL and opens transactions only for DML, so
    Alembic's CREATE TABLEs each committed alone: a process killed during the first
    set-up left tables without a schema version, and every later open failed ("table
    learner already exists"). Here the driver's own transaction handling is switched
    off and one BEGIN IMMEDIATE covers all of it (SQLite's DDL is transactional);
    SQLAlchemy's commit or rollback at the end of the block ends it.
    """
    if conn.dialect.name != "sqlite":
        yield  # PostgreSQL's DDL already runs inside the transaction
        return
    dbapi = conn.connection.dbapi_connection
    before = dbapi.isolation_level
    dbapi.isolation_level = None
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        yield
    finally:
        dbapi.isolation_level = before


# An empty database that lives as long as the Store: what a command that only reads
# sees when the database file does not exist yet (it creates nothing on disk).
_EMPTY = "sqlite://"


def _url_for(target: str | Path, create: bool = True) -> tuple[str, bool]:
    """The database URL, and whether it is opened read-only."""
    value = str(target)
    if "://" in value:
        return value, False
    path = Path(value).expanduser()
    check_sqlite_file(path)
    if not create and not path.exists():
        return _EMPTY, True
    read_only = _read_only_url(path)
    if read_only is not None:
        return read_only, True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {path.parent}: {exc.strerror}") from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"cannot create the progress database in {path.parent}: read-only")
    return f"sqlite:///{path}", False


class Store:
    """Progress of learners: attempts, hints, reviews, mock interviews, notes."""

    def __init__(
        self,
        target: str | Path,
        *,
        migrate: bool = True,
        create: bool = True,
        connect_args: dict[str, Any] | None = None,
    ) -> None:
        """Open ``target`` (a file or a URL); ``create=False`` creates no file or folder.

        ``connect_args`` go to the driver (a worker's TCP keepalives and timeouts).

        Without ``create``, a missing SQLite file opens as an empty read-only store
        in memory: the view of a learner with no progress yet.
        """
        self.url, self.read_only = _url_for(target, create)
        empty = self.url == _EMPTY
        try:
            if empty:  # one shared connection, or each thread would see its own database
                from sqlalchemy.pool import StaticPool

                self.engine: Engine = create_engine(
                    self.url, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
            else:
                # pre_ping: a pooled connection that died with a PostgreSQL restart is
                # replaced before use, not handed to a write that then fails.
                self.engine = create_engine(
                    self.url,
                    future=True,
                    pool_pre_ping=not self.url.startswith("sqlite"),
                    connect_args=connect_args or {},
                )
        except (SQLAlchemyError, ImportError) as exc:
            reason = driver_reason(exc)
            raise StoreError(f"cannot open the progress database {self.url}: {reason}") from None
        if self.engine.dialect.name == "sqlite" and not empty:
            pragmas = _sqlite_read_only_pragmas if self.read_only else _sqlite_pragmas
            event.listen(self.engine, "connect", pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._learner_ids: dict[str, int] = {}
        self._unit = threading.local()  # the session of this thread's atomically(), if any
        if migrate:
            self.read_only = self.read_only and not empty  # the empty one gets the schema
            self.migrate()
            self.read_only = self.read_only or empty

    # -- schema -----------------------------------------------------------------

    def current_revision(self) -> str | None:
        name = where(self.engine.url)
        try:
            with self.engine.connect() as conn:
                if not inspect(conn).has_table("alembic_version"):
                    return None
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except SQLAlchemyError as exc:
            if is_not_a_database(exc):
                raise DatabaseUnusable(f"{name} is not an SQLite database file") from None
            reason = driver_reason(exc)
            raise StoreError(f"cannot read the progress database {name}: {reason}") from None

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to ``revision``; a no-op (without Alembic) when current."""
        current = self.current_revision()
        if revision == "head" and current == HEAD_REVISION:
            return
        if self.read_only:
            raise StoreError(
                f"the progress database {self.engine.url.database} is read-only and needs "
                f"an upgrade (schema {current}, this mlprep uses {HEAD_REVISION})"
            )
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise StoreError(
                f"the progress database is at schema {current}, newer than this mlprep knows; "
                "upgrade mlprep"
            )
        with self._sqlite_migration_lock():
            if revision == "head" and self.current_revision() == HEAD_REVISION:
                return  # another process migrated while we waited for the lock
            self._upgrade(config, revision)

    @contextmanager
    def _sqlite_migration_lock(self) -> Iterator[None]:
        """Serialise first opens of one SQLite file across processes.

        SQLite runs Alembic's DDL outside a transaction, so two processes creating a
        new database at once would both create the tables; a lock file next to the
        database makes the second wait, then find the schema current.
        """
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not database or database == ":memory:":
            yield
            return
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no cross-process lock
            yield
            return
        with open(f"{database}.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _upgrade(self, config: Any, revision: str) -> None:
        from alembic import command

        try:
            with self.engine.begin() as conn, _transactional_ddl(conn):
                if conn.dialect.name == "postgresql":
                    # Two processes opening a new database at once would both create the
                    # tables; the second waits here, then finds the schema already current.
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                    )
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
        except SQLAlchemyError as exc:
            reason = driver_reason(exc)
            raise StoreError(f"cannot migrate the progress database: {reason}") from None

    # -- sessions ---------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits at the end of the block or not at all.

        Inside ``atomically`` every block joins that one transaction instead.
        """
        joined: Session | None = getattr(self._unit, "session", None)
        if joined is not None:
            yield joined  # the outermost block commits, or rolls everything back
            return
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except SQLAlchemyError as exc:
            self._learner_ids.clear()  # a learner created in it is gone again
            if self.read_only:
                raise StoreError(
                    "the progress database is read-only here; this command needs to write to it"
                ) from None
            raise StoreError(f"progress database error: {driver_reason(exc)}") from None
        except BaseException:
            self._learner_ids.clear()
            raise
        finally:
            session.close()

    def atomically(self, work: Callable[[], _R]) -> _R:
        """Run ``work`` (any number of store calls) as one transaction.

        An attempt and the review it causes are written this way: a process killed
        at any moment leaves both or neither. When the transaction lost a race for a
        new row (another process created the same review card), it runs once more.
        """

        def unit() -> _R:
            with self.transaction() as session:
                self._unit.session = session
                try:
                    return work()
                finally:
                    self._unit.session = None

        if getattr(self._unit, "session", None) is not None:
            return work()  # already inside one
        return _retry_on_conflict(unit)()

    @_retry_on_conflict
    def learner_id(self, name: str = DEFAULT_LEARNER) -> int:
        if name in self._learner_ids:
            return self._learner_ids[name]
        with self.transaction() as s:
            learner = s.scalar(select(Learner).where(Learner.name == name))
            if learner is None and self.read_only:
                return -1  # no such learner yet: reads find nothing, nothing is written
            if learner is None:
                learner = Learner(name=name, created_at=utcnow())
                s.add(learner)
                s.flush()
            self._learner_ids[name] = learner.id
        return self._learner_ids[name]

    # -- attempts ---------------------------------------------------------------

    def record_attempt(self, attempt: AttemptInput, learner: str = DEFAULT_LEARNER) -> Attempt:
        row = Attempt(
            learner_id=self.learner_id(learner),
            question_id=attempt.question_id,
            kind=attempt.kind,
            created_at=attempt.created_at or utcnow(),
            answer=attempt.answer,
            verdict=attempt.verdict,
            score=attempt.score,
            time_spent_s=attempt.time_spent_s,
            hints_used=attempt.hints_used,
            solution_seen=attempt.solution_seen,
            source=attempt.source,
            mock_id=attempt.mock_id,
            result_json=json.dumps(attempt.result) if attempt.result is not None else None,
        )
        with self.transaction() as s:
            s.add(row)
            s.flush()  # the id, for a review logged in the same transaction
        return row

    def set_attempt_result(self, attempt_id: int, result: dict[str, Any]) -> None:
        """Replace a recorded attempt's results document (the judge adds growth to it
        once measured); its verdict, score and review stay as recorded."""
        with self.transaction() as s:
            s.execute(
                update(Attempt)
                .where(Attempt.id == attempt_id)
                .values(result_json=json.dumps(result))
            )

    def attempts(
        self,
        learner: str = DEFAULT_LEARNER,
        question_id: str | None = None,
        since: datetime | None = None,
    ) -> list[Attempt]:
        query = select(Attempt).where(Attempt.learner_id == self.learner_id(learner))
        if question_id is not None:
            query = query.where(Attempt.question_id == question_id)
        if since is not None:
            query = query.where(Attempt.created_at >= since)
        with self.transaction() as s:
            return list(s.scalars(query.order_by(Attempt.created_at, Attempt.id)))

    # -- hints ------------------------------------------------------------------

    def _hint_state(self, s: Session, learner: str, question_id: str) -> HintState:
        key = (self.learner_id(learner), question_id)
        state = s.get(HintState, key)
        if state is None:
            state = HintState(
                learner_id=key[0],
                question_id=question_id,
                revealed=0,
                solution_seen=False,
                updated_at=utcnow(),
            )
            s.add(state)
        return state

    def hints_revealed(self, question_id: str, learner: str = DEFAULT_LEARNER) -> int:
        with self.transaction() as s:
            state = s.get(HintState, (self.learner_id(learner), question_id))
            return state.revealed if state else 0

    @_retry_on_conflict
    def reveal_hint(self, question_id: str, available: int, learner: str = DEFAULT_LEARNER) -> int:
        """Reveal the next hint (at most ``available``); returns how many are revealed."""
        with self.transaction() as s:
            state = self._hint_state(s, learner, question_id)
            state.revealed = min(available, state.revealed + 1)
            state.updated_at = utcnow()
            return state.revealed

    def solution_seen(self, question_id: str, learner: str = DEFAULT_LEARNER) -> bool:
        with self.transaction() as s:
            state = s.get(HintState, (self.learner_id(learner), question_id))
            return bool(state and state.solution_seen)

    @_retry_on_conflict
    def mark_solution_seen(self, question_id: str, learner: str = DEFAULT_LEARNER) -> None:
        with self.transaction() as s:
            state = self._hint_state(s, learner, question_id)
            state.solution_seen = True
            state.updated_at = utcnow()

    def reset_hints(self, question_id: str, learner: str = DEFAULT_LEARNER) -> None:
        """Start a fresh try: hints hidden again (history of attempts is kept)."""
        with self.transaction() as s:
            state = s.get(HintState, (self.learner_id(learner), question_id))
            if state is not None:
                state.revealed = 0
                state.solution_seen = False
                state.updated_at = utcnow()

    # -- notes ------------------------------------------------------------------

    def note(self, question_id: str, learner: str = DEFAULT_LEARNER) -> str:
        with self.transaction() as s:
            row = s.scalar(
                select(Note).where(
                    Note.learner_id == self.learner_id(learner), Note.question_id == question_id
                )
            )
            return row.text if row else ""

    @_retry_on_conflict
    def set_note(self, question_id: str, body: str, learner: str = DEFAULT_LEARNER) -> None:
        with self.transaction() as s:
            lid = self.learner_id(learner)
            row = s.scalar(
                select(Note).where(Note.learner_id == lid, Note.question_id == question_id)
            )
            if row is None:
                s.add(Note(learner_id=lid, question_id=question_id, text=body, updated_at=utcnow()))
            else:
                row.text = body
                row.updated_at = utcnow()

    # -- drafts -------------------------------------------------------------------

    def draft(
        self, question_id: str, scope: str = "practice", learner: str = DEFAULT_LEARNER
    ) -> Draft | None:
        """The saved unsent text of an answer box, if any."""
        with self.transaction() as s:
            return s.scalar(
                select(Draft).where(
                    Draft.learner_id == self.learner_id(learner),
                    Draft.question_id == question_id,
                    Draft.scope == scope,
                )
            )

    @_retry_on_conflict
    def save_draft(
        self,
        question_id: str,
        body: str,
        scope: str = "practice",
        learner: str = DEFAULT_LEARNER,
    ) -> Draft:
        with self.transaction() as s:
            lid = self.learner_id(learner)
            row = s.scalar(
                select(Draft).where(
                    Draft.learner_id == lid,
                    Draft.question_id == question_id,
                    Draft.scope == scope,
                )
            )
            if row is None:
                row = Draft(
                    learner_id=lid,
                    question_id=question_id,
                    scope=scope,
                    text=body,
                    updated_at=utcnow(),
                )
                s.add(row)
            else:
                row.text = body
                row.updated_at = utcnow()
            s.flush()
            return row

    # -- reviews (the scheduler's state) -----------------------------------------

    def review(self, question_id: str, learner: str = DEFAULT_LEARNER) -> ReviewState | None:
        with self.transaction() as s:
            return s.get(ReviewState, (self.learner_id(learner), question_id))

    def reviews(self, learner: str = DEFAULT_LEARNER) -> list[ReviewState]:
        with self.transaction() as s:
            query = select(ReviewState).where(ReviewState.learner_id == self.learner_id(learner))
            return list(s.scalars(query.order_by(ReviewState.due)))

    @_retry_on_conflict
    def save_review(
        self,
        question_id: str,
        *,
        card_json: str,
        due: datetime,
        lapses: int,
        leech: bool,
        rating: int | None = None,
        attempt_id: int | None = None,
        reviewed_at: datetime | None = None,
        learner: str = DEFAULT_LEARNER,
    ) -> None:
        """Store a card's new state and, with ``rating``, log the review, atomically."""
        now = reviewed_at or utcnow()
        with self.transaction() as s:
            lid = self.learner_id(learner)
            row = s.get(ReviewState, (lid, question_id))
            if row is None:
                row = ReviewState(learner_id=lid, question_id=question_id)
                s.add(row)
            row.card_json, row.due, row.lapses, row.leech, row.updated_at = (
                card_json,
                due,
                lapses,
                leech,
                now,
            )
            if rating is not None:
                s.add(
                    ReviewLog(
                        learner_id=lid,
                        question_id=question_id,
                        rating=rating,
                        reviewed_at=now,
                        attempt_id=attempt_id,
                    )
                )

    def review_logs(self, learner: str = DEFAULT_LEARNER) -> list[ReviewLog]:
        with self.transaction() as s:
            query = select(ReviewLog).where(ReviewLog.learner_id == self.learner_id(learner))
            return list(s.scalars(query.order_by(ReviewLog.reviewed_at, ReviewLog.id)))

    # -- mock interviews --------------------------------------------------------

    def create_mock(
        self, track: str, minutes: int, plan: dict[str, Any], learner: str = DEFAULT_LEARNER
    ) -> MockSession:
        row = MockSession(
            learner_id=self.learner_id(learner),
            track=track,
            minutes=minutes,
            started_at=utcnow(),
            plan_json=json.dumps(plan),
            abandoned=False,
        )
        with self.transaction() as s:
            s.add(row)
        return row

    def finish_mock(
        self, mock_id: int, scorecard: dict[str, Any] | None, *, abandoned: bool = False
    ) -> None:
        """End a mock: with its scorecard, or abandoned (nothing answered, no scorecard)."""
        with self.transaction() as s:
            row = s.get(MockSession, mock_id)
            if row is None:
                raise StoreError(f"no mock interview with id {mock_id}")
            row.finished_at = utcnow()
            row.abandoned = abandoned
            row.scorecard_json = json.dumps(scorecard) if scorecard is not None else None

    def mocks(self, learner: str = DEFAULT_LEARNER) -> list[MockSession]:
        with self.transaction() as s:
            query = select(MockSession).where(MockSession.learner_id == self.learner_id(learner))
            return list(s.scalars(query.order_by(MockSession.started_at, MockSession.id)))

    def close(self) -> None:
        self.engine.dispose()
