"""The queue backend of the judging seam: jobs run by ``mlprep worker`` processes.

Same interface as ``JudgeJobs`` (the in-process backend of solo mode), so routes
never change: ``submit`` writes the submission and its queue job in one
transaction, ``get`` reads the submission's row, so the state a page shows
(queued, running, done, failed with its reason) is the database's, live, whichever
server process or worker host touched it last.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._jobs import Job

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.store._queue_schema import Submission

__all__ = ["QueuedJobs"]

log = logging.getLogger("mlprep.web")

# How often a waiting request re-reads a submission's row (one indexed read): after
# POLL_S, then twice as long each time, at most POLL_MAX_S apart. A quick verdict is
# seen within 0.1 s; one that waits in the queue is read twice a second, not ten times
# (200 learners with ~100 answers queued made ~1,000 reads a second of the server and
# PostgreSQL, more than their pages: docs/benchmarks.md).
POLL_S = 0.1
POLL_MAX_S = 0.5


class QueuedJobs:
    """Enqueue judgements and gradings for workers; read their state back from PostgreSQL."""

    queues_grading = True  # written answers go to the workers' grade queue too

    def __init__(self, core: Mlprep) -> None:
        from mlprep.workers import ensure_queue_schema, make_app, require_postgres

        url = core.store.url
        require_postgres(url)
        ensure_queue_schema(url)
        self.core = core
        self.workers = 0  # judging happens elsewhere
        self._app = make_app(url)

    def warm_up(self) -> None:
        """Nothing to warm here: the workers hold the sandboxes."""

    def close(self) -> None:
        self._app.close() if getattr(self._app.connector, "_pool", None) else None

    def submit(
        self,
        question_id: str,
        source: str,
        *,
        mode: str,
        submission: str = "",
        custom_args: tuple[Any, ...] | None = None,
        time_spent_s: float | None = None,
        mock_id: int | None = None,
        core: Mlprep | None = None,
        sealed: bool = False,
    ) -> tuple[Job, bool]:
        from mlprep.workers import NewSubmission, enqueue

        core = core or self.core
        sid, new = enqueue(
            core.store,
            self._app,
            core.learner,
            NewSubmission(
                kind="judge",
                question_id=question_id,
                body=source,
                mode=mode,
                custom_args=custom_args,
                origin="web",
                mock_id=mock_id,
                time_spent_s=time_spent_s,
                dedupe_key=submission or None,
            ),
        )
        job = self.get(sid, core.learner)
        assert job is not None
        return job, new

    def submit_grade(
        self,
        question_id: str,
        text: str,
        *,
        grader: str,
        submission: str = "",
        time_spent_s: float | None = None,
        mock_id: int | None = None,
        core: Mlprep | None = None,
        sealed: bool = False,
    ) -> tuple[Job, bool]:
        """Queue a written answer for grading (the ``grade`` queue).

        ``sealed`` is accepted for the seam's sake; whether a result is hidden is read
        from the database on every ``get`` (``results_sealed``), as for ``submit``.
        """
        from mlprep.workers import NewSubmission, enqueue

        core = core or self.core
        sid, new = enqueue(
            core.store,
            self._app,
            core.learner,
            NewSubmission(
                kind="grade",
                question_id=question_id,
                body=text,
                grader=grader,
                origin="web",
                mock_id=mock_id,
                time_spent_s=time_spent_s,
                dedupe_key=submission or None,
            ),
        )
        job = self.get(sid, core.learner)
        assert job is not None
        return job, new

    def get(self, job_id: str, owner: str) -> Job | None:
        """The submission as a job, if ``owner`` (a core's learner) submitted it."""
        from mlprep.store import Learner
        from mlprep.workers import load

        row = load(self.core.store, job_id) if len(job_id) == 32 else None
        if row is None:
            return None
        with self.core.store.transaction() as s:
            learner = s.get(Learner, row.learner_id)
        if learner is None or learner.name != owner:
            return None
        sealed = False
        if row.mock_id is not None:
            from mlprep.team import results_sealed

            # From the database, not this process's memory: any server process answers
            # the poll, and the results show once the assessment has ended.
            sealed = results_sealed(self.core.store, row.mock_id)
        return _as_job(row, owner, sealed)

    async def wait(self, job: Job, timeout: float, until: Callable[[Job], bool]) -> Job:
        """Re-read the row (off the event loop, backing off from POLL_S to POLL_MAX_S)
        until ``until`` or timeout."""
        from starlette.concurrency import run_in_threadpool

        deadline = time.monotonic() + timeout
        interval = POLL_S
        while not until(job) and (left := deadline - time.monotonic()) > 0:
            await asyncio.sleep(min(interval, left))
            interval = min(interval * 2, POLL_MAX_S)
            fresh = await run_in_threadpool(self.get, job.id, job.owner)
            if fresh is None:
                break
            job = fresh
        return job

    def position(self, job: Job) -> int:
        from mlprep.workers import load, queued_ahead

        row = load(self.core.store, job.id)
        return queued_ahead(self.core.store, row) if row is not None else 0


def _as_job(row: Submission, owner: str, sealed: bool) -> Job:
    from mlprep.grading import GradeReport
    from mlprep.judging import Complexity, JudgeResult

    job = Job(
        row.id,
        row.question_id,
        row.mode,
        owner=owner,
        sealed=sealed,
        source=row.body,
        submitted_at=row.created_at.timestamp(),
        kind=row.kind,
        in_mock=row.mock_id is not None,
    )
    if row.state in ("running", "done", "failed") and row.started_at is not None:
        job.started_at = row.started_at.timestamp()
    if row.state in ("done", "failed"):
        job.finished_at = (row.finished_at or row.created_at).timestamp()
        if job.started_at is None:
            job.started_at = job.finished_at
    if row.state == "done" and row.result_json and row.kind == "judge":
        job.result = JudgeResult.from_dict(json.loads(row.result_json))
    if row.state == "done" and row.result_json and row.kind == "grade":
        doc = json.loads(row.result_json)
        for key in ("schema", "version", "band"):  # the document's header and derived fields
            doc.pop(key, None)
        job.report = GradeReport.model_validate(doc)
    if row.state == "failed":
        what = "Judging" if row.kind == "judge" else "Grading"
        job.error = f"{what} failed: {row.error or 'no reason recorded'}"
    job.growth_state = row.growth_state
    if row.growth_json:
        job.growth = Complexity.model_validate(json.loads(row.growth_json))
    return job
