"""``mlprep worker``: one process that takes jobs from the queue until it is stopped.

It loads the bank, the warm judge (one sandbox zygote) and the grader once, then
runs Procrastinate's worker with ``concurrency`` jobs at a time. Around it:

- heartbeat: Procrastinate's worker writes its heartbeat every ``heartbeat`` seconds;
- stall recovery: every ``heartbeat`` seconds this process also looks for jobs whose
  worker has sent no heartbeat for ``stall_timeout`` seconds (it was killed, its
  host died, its link is cut) and puts them back in the queue, so another worker
  runs them within ``stall_timeout + heartbeat`` seconds;
- reconnecting: when PostgreSQL restarts or the link drops, the worker stops,
  waits and starts again (with a new worker id), for as long as it is not told to stop;
- graceful shutdown: SIGTERM or SIGINT stops taking jobs and lets the running ones
  finish for up to ``shutdown_timeout`` seconds; what is still running then is
  released (put back in the queue, its submission queued again) and the process exits.
  A second signal releases at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import _tasks
from ._queue import QUEUES, ensure_queue_schema, make_app, require_postgres

if TYPE_CHECKING:
    import procrastinate

    from mlprep._core import Mlprep

__all__ = ["WorkerOptions", "run_worker"]

log = logging.getLogger("mlprep.workers")

HEARTBEAT_S = 5.0
STALL_TIMEOUT_S = 30.0
SHUTDOWN_TIMEOUT_S = 30.0
RECONNECT_WAIT_S = 2.0


@dataclass(frozen=True)
class WorkerOptions:
    db: str
    concurrency: int = 1
    queues: tuple[str, ...] = QUEUES
    heartbeat_s: float = HEARTBEAT_S
    stall_timeout_s: float = STALL_TIMEOUT_S
    shutdown_timeout_s: float = SHUTDOWN_TIMEOUT_S
    max_tries: int = _tasks.DEFAULT_MAX_TRIES
    name: str | None = None
    warm: bool = True  # the warm judge (a sandbox zygote); False judges cold

    def check(self) -> None:
        from mlprep.errors import UsageError

        require_postgres(self.db)
        unknown = [q for q in self.queues if q not in QUEUES]
        if unknown or not self.queues:
            raise UsageError(
                f"unknown queue {', '.join(unknown) or '(none)'} (choose from {', '.join(QUEUES)})"
            )
        if not 1 <= self.concurrency <= 64:
            raise UsageError("--concurrency is 1 to 64 jobs at a time")
        if self.heartbeat_s <= 0 or self.stall_timeout_s < 2 * self.heartbeat_s:
            raise UsageError("--stall-timeout must be at least twice --heartbeat (both > 0)")
        if self.max_tries < 1:
            raise UsageError("--max-tries is at least 1")


class _Stop:
    """Signals: the first stops taking jobs, a second (or the timeout) releases them."""

    def __init__(self) -> None:
        self.requested = asyncio.Event()
        self.release_now = asyncio.Event()

    def signal(self) -> None:
        if self.requested.is_set():
            self.release_now.set()
        self.requested.set()


def run_worker(options: WorkerOptions, core: Mlprep) -> int:
    """Run until stopped by a signal; the exit code (0: stopped cleanly)."""
    options.check()
    ensure_queue_schema(options.db)
    warm = None
    if "judge" in options.queues and options.warm:
        from mlprep.judging import WarmJudge

        warm = WarmJudge().start()
    if "grade" in options.queues:
        _load_grader()
    core.bank  # noqa: B018 - loaded once, before the first job
    runtime = _tasks.Runtime(core=core, warm=warm, max_tries=options.max_tries)
    if options.name:
        runtime.name = options.name
    _tasks.install(runtime)
    try:
        return asyncio.run(_main(options, runtime))
    finally:
        _tasks.install(None)
        if warm is not None:
            warm.close()


def _load_grader() -> None:
    """Load the default grader now (it is kept per process), not on the first answer."""
    from mlprep.grading import get_grader

    with contextlib.suppress(Exception):  # an unavailable grader says so in its job
        get_grader("default")


async def _main(options: WorkerOptions, runtime: _tasks.Runtime) -> int:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(
        ThreadPoolExecutor(options.concurrency + 2, thread_name_prefix="mlprep-job")
    )
    stop = _Stop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.signal)
    log.info(
        "worker %s: queues %s, %d at a time",
        runtime.name,
        ",".join(options.queues),
        options.concurrency,
    )
    while not stop.requested.is_set():
        started = time.monotonic()
        try:
            released = await _one_connection(options, runtime, stop)
        except Exception as exc:  # PostgreSQL restarted, the link dropped: start again
            log.warning(
                "worker %s lost the database (%s); reconnecting",
                runtime.name,
                str(exc).split("\n")[0] or type(exc).__name__,
            )
            released = False
        if released:
            return 0
        if not stop.requested.is_set():
            wait = RECONNECT_WAIT_S if time.monotonic() - started > 5 else 2 * RECONNECT_WAIT_S
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.requested.wait(), wait)
    log.info("worker %s stopped", runtime.name)
    return 0


async def _one_connection(options: WorkerOptions, runtime: _tasks.Runtime, stop: _Stop) -> bool:
    """Run the worker on one pool until it stops; True when jobs were released."""
    from procrastinate.worker import Worker

    app = make_app(options.db, worker=True, pool_size=options.concurrency + 3)
    async with app.open_async():
        worker = Worker(
            app=app,
            queues=list(options.queues),
            name=runtime.name,
            concurrency=options.concurrency,
            install_signal_handlers=False,
            update_heartbeat_interval=options.heartbeat_s,
            stalled_worker_timeout=options.stall_timeout_s,
            fetch_job_polling_interval=min(2.0, options.heartbeat_s),
            abort_job_polling_interval=max(5.0, options.heartbeat_s),
            delete_jobs="successful",
        )
        run = asyncio.create_task(worker.run(), name="procrastinate worker")  # type: ignore[no-untyped-call]
        sweeper = asyncio.create_task(_sweep(app, options), name="stall recovery")
        stopping = asyncio.create_task(stop.requested.wait(), name="stop signal")
        try:
            await asyncio.wait({run, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if run.done():
                run.result()  # raises what stopped it
                return False  # it stopped by itself (a side task lost the database)
            worker.stop()  # type: ignore[no-untyped-call]  # finish what runs, take nothing new
            release = asyncio.create_task(stop.release_now.wait())
            done, _ = await asyncio.wait(
                {run, release},
                timeout=options.shutdown_timeout_s,
                return_when=asyncio.FIRST_COMPLETED,
            )
            if run in done:
                return False
            await _release(app, runtime)
            return True
        finally:
            sweeper.cancel()
            stopping.cancel()
            with contextlib.suppress(BaseException):
                await sweeper


async def _sweep(app: procrastinate.App, options: WorkerOptions) -> None:
    """Put the jobs of workers without a heartbeat back in the queue, every heartbeat."""
    while True:
        await asyncio.sleep(options.heartbeat_s)
        try:
            stalled = await app.job_manager.get_stalled_jobs(
                seconds_since_heartbeat=options.stall_timeout_s
            )
            for job in stalled:
                with contextlib.suppress(Exception):  # another worker retried it first
                    await app.job_manager.retry_job(job)
                    log.warning("job %s of a stalled worker put back in the queue", job.id)
            await app.job_manager.prune_stalled_workers(options.stall_timeout_s)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database is away: the worker itself reconnects
            log.debug("stall recovery skipped: %s", exc)


async def _release(app: procrastinate.App, runtime: _tasks.Runtime) -> None:
    """Put the jobs still running back in the queue and their submissions to queued."""
    from sqlalchemy import update

    from mlprep.store._queue_schema import Submission

    with runtime.lock:
        running = dict(runtime.running)
    now = dt.datetime.now(dt.UTC)
    for job_id, submission_id in running.items():
        with contextlib.suppress(Exception):
            await app.job_manager.retry_job_by_id_async(
                job_id=job_id, retry_at=now, priority=None, queue=None, lock=None
            )
        with contextlib.suppress(Exception), runtime.core.store.transaction() as s:
            s.execute(
                update(Submission)
                .where(Submission.id == submission_id, Submission.state == "running")
                .values(state="queued", worker=None, tries=Submission.tries - 1)
            )
    log.info("worker %s released %d running job(s)", runtime.name, len(running))
    # The judging threads cannot be interrupted: the process ends here, with them.
    if runtime.warm is not None:
        with contextlib.suppress(Exception):
            runtime.warm.close()
    logging.shutdown()
    os._exit(0)


def parse_queues(value: str) -> tuple[str, ...]:
    names: Iterable[str] = (part.strip() for part in value.split(","))
    return tuple(dict.fromkeys(n for n in names if n))
