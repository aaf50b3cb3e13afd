"""Judge and grading workers on a queue (Procrastinate on the team's PostgreSQL).

    enqueue(store, app, learner, NewSubmission(...))   the submission and its job, ONE txn
    run_worker(WorkerOptions(db=...), core)             ``mlprep worker``: take jobs until stopped

The web app reaches this through one seam with two backends (in-process threads
for solo mode, this queue for team mode); docs/judge-workers.md has the design,
the failure semantics and how it scales.
"""

from ._queue import (
    GRADE_TASK,
    JUDGE_TASK,
    QUEUES,
    NewSubmission,
    conninfo,
    enqueue,
    ensure_queue_schema,
    link_options,
    load,
    make_app,
    parse_custom_args,
    queued_ahead,
    require_postgres,
)
from ._tasks import DEFAULT_MAX_TRIES, Runtime, run_submission
from ._worker import (
    HEARTBEAT_S,
    SHUTDOWN_TIMEOUT_S,
    STALL_TIMEOUT_S,
    WorkerOptions,
    parse_queues,
    run_worker,
)

__all__ = [
    "DEFAULT_MAX_TRIES",
    "GRADE_TASK",
    "HEARTBEAT_S",
    "JUDGE_TASK",
    "QUEUES",
    "SHUTDOWN_TIMEOUT_S",
    "STALL_TIMEOUT_S",
    "NewSubmission",
    "Runtime",
    "WorkerOptions",
    "conninfo",
    "enqueue",
    "ensure_queue_schema",
    "link_options",
    "load",
    "make_app",
    "parse_custom_args",
    "parse_queues",
    "queued_ahead",
    "require_postgres",
    "run_submission",
    "run_worker",
]
