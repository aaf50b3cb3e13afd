"""The queue's semantics on a real PostgreSQL, in this process (no worker processes).

The submission and its job are written in one transaction; a job run twice records
one verdict and one attempt; the verdict is the in-process judge's for the same
code and seed; a submission whose runs never finish ends failed with its reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from mlprep._core import Mlprep
from mlprep.errors import UsageError
from mlprep.store import Attempt
from mlprep.store._queue_schema import Submission
from mlprep.workers import NewSubmission, enqueue, make_app, require_postgres, run_submission
from mlprep.workers._tasks import Runtime, _start

from .conftest import REPO

pytestmark = pytest.mark.pg

BANK = REPO / "src" / "mlprep" / "bank" / "coding"


@pytest.fixture
def core(queue_db: str) -> Iterator[Mlprep]:
    core = Mlprep(db=queue_db)
    yield core
    core.store.close()


@pytest.fixture
def app(queue_db: str):  # type: ignore[no-untyped-def]
    return make_app(queue_db)


def _jobs(core: Mlprep) -> list[tuple[str, str, str]]:
    with core.store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT task_name, status, args->>'submission_id' FROM procrastinate_jobs")
        )
        return [(r[0], r[1], r[2]) for r in rows]


def _source(question: str, name: str = "solution.py") -> str:
    folder = BANK / question
    path = folder / name if (folder / name).exists() else folder / "wrong" / name
    return path.read_text()


def test_the_submission_and_its_job_are_written_together(core: Mlprep, app) -> None:  # type: ignore[no-untyped-def]
    sid, new = enqueue(
        core.store, app, "ana", NewSubmission("judge", "layer-norm-forward", "x = 1", seed=7)
    )
    assert new
    assert _jobs(core) == [("mlprep.judge", "todo", sid)]
    with core.store.transaction() as s:
        row = s.get(Submission, sid)
        assert row is not None and row.state == "queued" and row.seed == 7 and row.job_id

    # A transaction that fails after the enqueue leaves neither the row nor its job.
    class Boom(Exception):
        pass

    def enqueue_then_fail() -> None:
        enqueue(core.store, app, "ana", NewSubmission("judge", "layer-norm-forward", "y = 2"))
        raise Boom

    with pytest.raises(Boom):
        core.store.atomically(enqueue_then_fail)
    assert len(_jobs(core)) == 1
    with core.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Submission)) == 1


def test_a_double_submit_is_one_submission(core: Mlprep, app) -> None:  # type: ignore[no-untyped-def]
    first = enqueue(
        core.store, app, "ana", NewSubmission("judge", "layer-norm-forward", "a", dedupe_key="k1")
    )
    again = enqueue(
        core.store, app, "ana", NewSubmission("judge", "layer-norm-forward", "a", dedupe_key="k1")
    )
    other = enqueue(
        core.store, app, "bo", NewSubmission("judge", "layer-norm-forward", "a", dedupe_key="k1")
    )
    assert first[1] and not again[1] and other[1]
    assert first[0] == again[0] != other[0]
    assert len(_jobs(core)) == 2


def test_a_job_insert_that_fails_leaves_no_submission(
    core: Mlprep,
    app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The crash between the row and its job: the row is flushed, the job INSERT fails."""
    from mlprep.errors import StoreError
    from mlprep.workers import JUDGE_TASK

    class Refused:
        def defer(self, **_: object) -> int:
            raise StoreError("the job INSERT failed")

    monkeypatch.setattr(app.tasks[JUDGE_TASK], "configure", lambda **_: Refused())
    with pytest.raises(StoreError):
        enqueue(core.store, app, "ana", NewSubmission("judge", "layer-norm-forward", "x = 1"))
    assert _jobs(core) == []
    with core.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Submission)) == 0


def test_two_requests_with_one_submission_id_at_once_make_one_submission(
    core: Mlprep,
    app,  # type: ignore[no-untyped-def]
) -> None:
    """A resend that arrives while the first request's transaction is still open.

    The first enqueue's transaction is held open; the second's INSERT of the same
    key then waits on the unique index (seen in pg_stat_activity), fails when the
    first commits, and the second finds the first's row: one submission, one job.
    """
    import threading

    core.store.learner_id("ana")
    new = NewSubmission("judge", "layer-norm-forward", "a", dedupe_key="resent")
    got: dict[str, tuple[str, bool]] = {}
    inside, release = threading.Event(), threading.Event()

    def first() -> None:
        def work() -> None:
            got["first"] = enqueue(core.store, app, "ana", new)
            inside.set()
            assert release.wait(60)

        core.store.atomically(work)

    def second() -> None:
        got["second"] = enqueue(core.store, app, "ana", new)

    one = threading.Thread(target=first)
    one.start()
    assert inside.wait(60)
    two = threading.Thread(target=second)
    two.start()
    waiting = 0
    for _ in range(600):  # until the second INSERT waits for the first transaction
        with core.store.engine.connect() as conn:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            ).scalar_one()
        if waiting:
            break
        two.join(0.1)
    assert waiting == 1
    release.set()
    one.join(60)
    two.join(60)
    assert got["first"][1] and not got["second"][1]
    assert got["first"][0] == got["second"][0]
    assert len(_jobs(core)) == 1
    with core.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Submission)) == 1


def test_a_job_run_twice_records_one_verdict_equal_to_the_in_process_judge(
    core: Mlprep,
    app,  # type: ignore[no-untyped-def]
) -> None:
    from mlprep.judging import WarmJudge

    sources = [
        _source("layer-norm-forward"),
        _source(
            "layer-norm-forward",
            next(p.name for p in sorted((BANK / "layer-norm-forward" / "wrong").iterdir())),
        ),
    ]
    with WarmJudge() as warm:
        runtime = Runtime(core=core, warm=warm)
        for number, source in enumerate(sources):
            sid, _ = enqueue(
                core.store,
                app,
                "ana",
                NewSubmission("judge", "layer-norm-forward", source, seed=1000 + number),
            )
            assert run_submission(runtime, sid) == "done"
            assert run_submission(runtime, sid) == "skipped"  # the second delivery
            expected = warm.judge(
                core.question("layer-norm-forward"), source, seed=1000 + number, measure=False
            )
            with core.store.transaction() as s:
                row = s.get(Submission, sid)
                assert row is not None and row.state == "done" and row.tries == 1
                got = json.loads(row.result_json or "{}")
                attempts = s.scalars(select(Attempt).where(Attempt.id == row.attempt_id)).all()
            assert got["verdict"] == str(expected.verdict) and got["seed"] == expected.seed
            assert [t["verdict"] for t in got["tests"]] == [str(t.verdict) for t in expected.tests]
            assert len(attempts) == 1 and attempts[0].verdict == str(expected.verdict)
    with core.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Attempt)) == 2
    verdicts = {json.loads(r)["verdict"] for r in _results(core)}
    assert verdicts == {"accepted", str(expected.verdict)} and len(verdicts) == 2


def _results(core: Mlprep) -> list[str]:
    with core.store.transaction() as s:
        return [r for r in s.scalars(select(Submission.result_json)) if r]


def test_a_submission_whose_runs_never_finish_ends_failed_with_its_reason(
    core: Mlprep,
    app,  # type: ignore[no-untyped-def]
) -> None:
    sid, _ = enqueue(core.store, app, "ana", NewSubmission("judge", "layer-norm-forward", "z"))
    runtime = Runtime(core=core, warm=None, max_tries=2)
    assert _start(runtime, sid) is not None  # each start is a worker that then died
    assert _start(runtime, sid) is not None
    assert run_submission(runtime, sid) == "failed"
    with core.store.transaction() as s:
        row = s.get(Submission, sid)
        assert row is not None and row.state == "failed" and row.tries == 3
        assert "stopped 2 times" in (row.error or "")
        assert s.scalar(select(func.count()).select_from(Attempt)) == 0


def test_a_written_answer_is_graded_once(core: Mlprep, app) -> None:  # type: ignore[no-untyped-def]
    from mlprep.grading import grade

    question = next(q for q in core.bank if not q.is_coding)
    answer = (question.path / "answer.md").read_text()
    sid, _ = enqueue(core.store, app, "ana", NewSubmission("grade", question.id, answer))
    runtime = Runtime(core=core, warm=None)
    assert run_submission(runtime, sid) == "done"
    assert run_submission(runtime, sid) == "skipped"
    expected = grade(question, answer)
    with core.store.transaction() as s:
        row = s.get(Submission, sid)
        assert row is not None and row.score == pytest.approx(expected.score)
        assert s.scalar(select(func.count()).select_from(Attempt)) == 1


def test_workers_refuse_sqlite(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="PostgreSQL"):
        require_postgres(str(tmp_path / "p.db"))
    with pytest.raises(UsageError, match="PostgreSQL"):
        require_postgres("sqlite:///x.db")
