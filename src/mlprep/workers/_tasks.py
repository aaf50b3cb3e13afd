"""What a worker does with one job: judge or grade a submission, and record it once.

At-least-once delivery made safe. A job may run twice (its worker died after the
verdict was written but before the queue heard of it; a cut link made another
worker take it over), so:

- the verdict is upserted keyed on the submission: under the submission's row lock,
  a submission already ``done`` is left as it is, so it gets one verdict and one
  attempt whatever the number of runs;
- every start counts a try (committed before judging), so a submission whose
  worker keeps dying (a poison submission) ends ``failed`` with its reason after
  ``max_tries`` starts instead of going round the queue for ever;
- the seed was fixed when it was queued, so every run judges the same tests.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from mlprep.store import utcnow

from ._queue import GRADE_TASK, JUDGE_TASK, parse_custom_args

if TYPE_CHECKING:
    import procrastinate
    from procrastinate.job_context import JobContext

    from mlprep._core import Mlprep
    from mlprep.judging import WarmJudge
    from mlprep.store._queue_schema import Submission

__all__ = ["DEFAULT_MAX_TRIES", "Runtime", "register", "run_submission"]

log = logging.getLogger("mlprep.workers")

DEFAULT_MAX_TRIES = 5
# A failure inside the worker (not a verdict: those are results) is retried this
# many seconds later, by whichever worker is free.
RETRY_WAIT_S = 2


@dataclass
class Runtime:
    """What a worker process loads once: the bank and store, the warm judge."""

    core: Mlprep
    warm: WarmJudge | None
    name: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    max_tries: int = DEFAULT_MAX_TRIES
    running: dict[int, str] = field(default_factory=dict)  # job id -> submission id
    lock: threading.Lock = field(default_factory=threading.Lock)


_runtime: Runtime | None = None


def install(runtime: Runtime | None) -> None:
    global _runtime
    _runtime = runtime


class TryAgain(Exception):
    """A failure inside the worker, before the last try: the job runs again."""


class GaveUp(Exception):
    """The submission ended failed: the job ends failed too, and is kept for inspection."""


def register(app: procrastinate.App) -> None:
    from procrastinate import RetryStrategy

    # Only TryAgain is retried; the number of tries is counted on the submission.
    retry = RetryStrategy(max_attempts=1_000, wait=RETRY_WAIT_S, retry_exceptions={TryAgain})
    for name, queue in ((JUDGE_TASK, "judge"), (GRADE_TASK, "grade")):
        app.task(name=name, queue=queue, pass_context=True, retry=retry)(_job)


def _job(context: JobContext, submission_id: str) -> str:
    runtime = _runtime
    if runtime is None:  # a worker always installs one before taking jobs
        raise RuntimeError("this process is not an mlprep worker")
    job_id = context.job.id or 0
    with runtime.lock:
        runtime.running[job_id] = submission_id
    try:
        outcome = run_submission(runtime, submission_id)
    except Exception as exc:
        raise TryAgain(str(exc).split("\n")[0]) from exc
    finally:
        with runtime.lock:
            runtime.running.pop(job_id, None)
    if outcome == "failed":
        raise GaveUp(f"submission {submission_id} failed; its reason is on its row")
    return outcome


def run_submission(runtime: Runtime, submission_id: str) -> str:
    """Judge or grade one submission; the state it ends in (done, failed, skipped)."""
    start = _start(runtime, submission_id)
    if start is None:
        return "skipped"  # already done or failed: a duplicate delivery
    if start.state == "failed":
        return "failed"
    try:
        outcome = _judge(runtime, start) if start.kind == "judge" else _grade(runtime, start)
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}".split("\n")[0][:500]
        if start.tries >= runtime.max_tries:
            _fail(runtime, submission_id, f"failed {start.tries} times; last: {reason}")
            return "failed"
        log.warning("submission %s failed (try %d): %s", submission_id, start.tries, reason)
        raise  # Procrastinate retries it after RETRY_WAIT_S
    return outcome


@dataclass(frozen=True)
class _Start:
    id: str
    kind: str
    mode: str
    question_id: str
    body: str
    seed: int | None
    custom_args: str | None
    grader: str | None
    origin: str
    mock_id: int | None
    time_spent_s: float | None
    learner: str
    tries: int
    state: str


def _locked(s: Any, submission_id: str) -> Submission | None:
    from mlprep.store._queue_schema import Submission

    row: Submission | None = s.scalar(
        select(Submission).where(Submission.id == submission_id).with_for_update()
    )
    return row


def _start(runtime: Runtime, submission_id: str) -> _Start | None:
    """Mark it running and count the try (committed before any judging)."""
    from mlprep.store import Learner

    store = runtime.core.store
    with store.transaction() as s:
        row = _locked(s, submission_id)
        if row is None or row.state in ("done", "failed"):
            return None
        row.tries += 1
        if row.tries > runtime.max_tries:
            # Its earlier runs never finished: each took its worker down with it.
            row.state = "failed"
            row.error = (
                f"its worker stopped {row.tries - 1} times while running it "
                "(a submission that crashes or stalls its worker); not retried"
            )
            row.finished_at = utcnow()
        else:
            row.state = "running"
            row.worker = runtime.name
            row.started_at = utcnow()
        learner = s.get(Learner, row.learner_id)
        return _Start(
            row.id,
            row.kind,
            row.mode,
            row.question_id,
            row.body,
            row.seed,
            row.custom_args,
            row.grader,
            row.origin,
            row.mock_id,
            row.time_spent_s,
            learner.name if learner is not None else "",
            row.tries,
            row.state,
        )


def _fail(runtime: Runtime, submission_id: str, reason: str) -> None:
    with runtime.core.store.transaction() as s:
        row = _locked(s, submission_id)
        if row is not None and row.state not in ("done", "failed"):
            row.state = "failed"
            row.error = reason
            row.finished_at = utcnow()


def _core_for(runtime: Runtime, learner: str) -> Mlprep:
    from mlprep._core import Mlprep

    base = runtime.core
    return Mlprep(
        content=base.content_folders,
        db=base.db_target,
        learner=learner,
        bank=base.bank,
        store=base.store,
    )


def _judge(runtime: Runtime, start: _Start) -> str:
    from mlprep.judging import judge as cold_judge

    core = _core_for(runtime, start.learner)
    question = core.question(start.question_id)
    mode: Any = start.mode
    args = parse_custom_args(start.custom_args)
    if runtime.warm is not None:
        result = runtime.warm.judge(
            question, start.body, seed=start.seed, mode=mode, custom_args=args, measure=False
        )
    else:
        result = cold_judge(
            question, start.body, seed=start.seed, mode=mode, custom_args=args, measure=False
        )
    wants_growth = (
        start.mode == "submit"
        and result.accepted
        and runtime.warm is not None
        and bool(question.meta.coding and question.meta.coding.growth_sizes)
    )
    recorded = _record(
        runtime,
        core,
        start,
        result_doc=result.to_dict(),
        verdict=str(result.verdict),
        score=1.0 if result.accepted else 0.0,
        growth="measuring" if wants_growth else "none",
    )
    if recorded and wants_growth and runtime.warm is not None:
        _growth(runtime, start, question, result.seed)
    return "done"


def _grade(runtime: Runtime, start: _Start) -> str:
    from mlprep.grading import grade

    core = _core_for(runtime, start.learner)
    question = core.question(start.question_id)
    report = grade(question, start.body, grader=start.grader or "default")
    _record(
        runtime,
        core,
        start,
        result_doc=report.to_dict(),
        verdict=None,
        score=report.score,
        growth="none",
    )
    return "done"


def _record(
    runtime: Runtime,
    core: Mlprep,
    start: _Start,
    *,
    result_doc: dict[str, Any],
    verdict: str | None,
    score: float | None,
    growth: str,
) -> bool:
    """Upsert the result keyed on the submission, with its attempt, in ONE transaction.

    False when the submission already had its verdict (another run of the same job
    got there first): nothing is written then.
    """
    from mlprep.store import AttemptInput
    from mlprep.study import record_attempt

    store = core.store

    def work() -> bool:
        with store.transaction() as s:
            row = _locked(s, start.id)
            if row is None or row.state in ("done", "failed"):
                return False
            attempt_id = None
            if start.mode == "submit":
                question = core.question(start.question_id)
                attempt, _rating = record_attempt(
                    store,
                    start.learner,
                    question,
                    AttemptInput(
                        question_id=question.id,
                        kind="coding" if start.kind == "judge" else "written",
                        answer=start.body,
                        verdict=verdict,
                        score=score,
                        time_spent_s=start.time_spent_s,
                        source=start.origin,
                        mock_id=start.mock_id,
                        result=result_doc,
                    ),
                )
                attempt_id = attempt.id
            row.state = "done"
            row.result_json = json.dumps(result_doc)
            row.verdict = verdict
            row.score = score
            row.attempt_id = attempt_id
            row.error = None
            row.growth_state = growth
            row.finished_at = utcnow()
            return True

    return store.atomically(work)


def _growth(runtime: Runtime, start: _Start, question: Any, seed: int | None) -> None:
    """Growth exponents after the verdict (shown a moment later, as in solo mode)."""
    growth: dict[str, Any] | None = None
    try:
        if runtime.warm is not None:
            measured = runtime.warm.growth(question, start.body, seed=seed)
            growth = measured.model_dump(mode="json") if measured is not None else None
    except Exception:  # the verdict stands; only the growth line is missing
        log.exception("measuring growth for %s failed", start.question_id)
    with runtime.core.store.transaction() as s:
        row = _locked(s, start.id)
        if row is not None:
            row.growth_state = "done"
            row.growth_json = json.dumps(growth) if growth is not None else None
