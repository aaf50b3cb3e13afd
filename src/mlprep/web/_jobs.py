"""Judging off the event loop: a small thread pool over the warm judge, polled by id.

A submission becomes a job; the page polls ``/jobs/<id>`` until it is done. A job
belongs to the learner who submitted it (``owner``, the core's learner): ``get``
finds it only for that learner, so in team mode nobody reads another's job. The pool
is bounded so hostile code (the sandbox already limits its time, memory and output)
can at worst queue other submissions behind it, never stall page rendering, which
runs on the event loop and never waits for a job.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.grading import GradeReport
    from mlprep.judging import Complexity, JudgeResult, WarmJudge

__all__ = ["Job", "JudgeJobs"]

log = logging.getLogger("mlprep.web")

KEEP_FINISHED = 500


@dataclass
class Job:
    id: str
    question_id: str
    mode: str
    owner: str = ""
    core: Mlprep | None = None  # the submitter's core: its attempt goes to their record
    sealed: bool = False  # in an assessment that shows results only at its end
    submitted_at: float = field(default_factory=time.monotonic)
    started_at: float | None = None
    finished_at: float | None = None
    result: JudgeResult | None = None
    error: str | None = None
    source: str = ""
    # The verdict is shown first; an accepted submission's growth exponents follow.
    growth_state: str = "none"  # none | measuring | done
    growth: Complexity | None = None
    # A written answer graded by a worker (the queue backend): its report.
    kind: str = "judge"  # judge | grade
    report: GradeReport | None = None
    in_mock: bool = False  # answered inside a mock or an assessment (no own rating then)

    @property
    def done(self) -> bool:
        return self.finished_at is not None

    @property
    def state(self) -> str:
        if self.done:
            return "done"
        return "running" if self.started_at is not None else "queued"


class JudgeJobs:
    """Run ``core.judge`` on the warm judge in worker threads; remember recent jobs.

    The in-process backend of the judging seam (``QueuedJobs`` is the queue's); it
    grades written answers inline, in the request, as solo mode always has.
    """

    queues_grading = False

    def __init__(self, core: Mlprep, *, workers: int | None = None, warm: bool = True) -> None:
        self.core = core
        self.workers = workers or max(1, min(4, (os.cpu_count() or 2) - 1))
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="mlprep-judge")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._by_submission: dict[str, str] = {}
        self._lock = threading.Lock()
        self._warm_enabled = warm
        self._warm: WarmJudge | None = None
        self._warm_lock = threading.Lock()

    # -- the warm judge ------------------------------------------------------------

    def warm_up(self) -> None:
        """Start the warm sandbox now (called in the background at server start)."""
        if self._warm_enabled:
            self._judge_fn()

    def _warm_judge(self) -> WarmJudge | None:
        if not self._warm_enabled:
            return None
        with self._warm_lock:
            if self._warm is None:
                from mlprep.judging import WarmJudge

                self._warm = WarmJudge().start()
            return self._warm

    def _judge_fn(self) -> Any:
        warm = self._warm_judge()
        if warm is None:
            return None
        # Growth is measured after the verdict is shown (see _measure_growth).
        return functools.partial(warm.judge, measure=False)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._warm_lock:
            if self._warm is not None:
                self._warm.close()
                self._warm = None

    # -- jobs ----------------------------------------------------------------------

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
        """Queue a judgement; a repeated ``submission`` id returns the first job instead.

        ``core`` is the submitter's (default: the server's). Returns the job and whether
        it is new.
        """
        core = core or self.core
        submission = f"{core.learner}\x00{submission}" if submission else ""
        with self._lock:
            if submission and submission in self._by_submission:
                existing = self._jobs.get(self._by_submission[submission])
                if existing is not None:
                    return existing, False
            job = Job(
                secrets.token_urlsafe(12),
                question_id,
                mode,
                owner=core.learner,
                core=core,
                source=source,
                sealed=sealed,
            )
            self._jobs[job.id] = job
            if submission:
                self._by_submission[submission] = job.id
            self._forget_old()
        self._pool.submit(self._run, job, custom_args, time_spent_s, mock_id)
        return job, True

    async def wait(self, job: Job, timeout: float, until: Callable[[Job], bool]) -> Job:
        """Wait up to ``timeout`` s for ``until(job)`` (the job object updates in place)."""
        deadline = time.monotonic() + timeout
        # Short first polls catch a fast verdict at once; longer ones keep a slow job's
        # waiting requests from waking the event loop 200 times a second each.
        pause = 0.005
        while not until(job) and (left := deadline - time.monotonic()) > 0:
            await asyncio.sleep(min(pause, left))
            pause = min(0.05, pause * 1.5)
        return job

    def get(self, job_id: str, owner: str) -> Job | None:
        """The job, if ``owner`` (a core's learner) submitted it."""
        with self._lock:
            job = self._jobs.get(job_id)
        return job if job is not None and job.owner == owner else None

    def position(self, job: Job) -> int:
        """How many jobs are waiting ahead of ``job`` (0 once it runs)."""
        if job.state != "queued":
            return 0
        with self._lock:
            return sum(
                1
                for j in self._jobs.values()
                if j.state == "queued" and j.submitted_at < job.submitted_at
            )

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.done]
        for job in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[job.id]
        live = set(self._jobs)
        for key in [k for k, v in self._by_submission.items() if v not in live]:
            del self._by_submission[key]

    def _run(
        self,
        job: Job,
        custom_args: tuple[Any, ...] | None,
        time_spent_s: float | None,
        mock_id: int | None,
    ) -> None:
        job.started_at = time.monotonic()
        core = job.core or self.core
        try:
            job.result = core.judge(
                job.question_id,
                job.source,
                mode=job.mode,
                custom_args=custom_args,
                origin="web",
                time_spent_s=time_spent_s,
                mock_id=mock_id,
                judge_fn=self._judge_fn(),
            )
        except Exception as exc:  # shown on the page; the learner's code stays in the editor
            log.exception("judging %s failed", job.question_id)
            job.error = f"{type(exc).__name__}: {exc}"
        finally:
            wants_growth = self._wants_growth(job)
            if wants_growth:
                job.growth_state = "measuring"
            job.finished_at = time.monotonic()
        if wants_growth:
            self._measure_growth(job)

    def _wants_growth(self, job: Job) -> bool:
        if job.mode != "submit" or job.result is None or not job.result.accepted:
            return False
        if self._warm_judge() is None:
            return False
        spec = (job.core or self.core).question(job.question_id).meta.coding
        return bool(spec and spec.growth_sizes)

    def _measure_growth(self, job: Job) -> None:
        warm = self._warm_judge()
        try:
            if warm is not None and job.result is not None:
                question = (job.core or self.core).question(job.question_id)
                job.growth = warm.growth(question, job.source, seed=job.result.seed)
        except Exception:  # the verdict stands; only the growth line is missing
            log.exception("measuring growth for %s failed", job.question_id)
        finally:
            job.growth_state = "done"
